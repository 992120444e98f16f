import { describe, expect, it } from 'vitest';
import { offeredChoices, priorityField, sentPriority, shownChoice } from './priority-choice-logic.js';

describe('the kiosk’s 优先 choices', () => {
  it.each([
    ['unknown yet: all', undefined, ['auto', 'disabled', 'pregnant', 'military', 'none']],
    ['every group', ['elderly', 'disabled', 'pregnant', 'military'], ['auto', 'disabled', 'pregnant', 'military', 'none']],
    ['老年人 off: no "by the ID card"', ['disabled', 'military'], ['disabled', 'military', 'none']],
    ['only 老年人', ['elderly'], ['auto', 'none']],
    ['none honoured: only "no priority"', [], ['none']],
  ] as const)('%s', (_, groups, offered) => expect(offeredChoices(groups)).toEqual(offered));

  it('a choice the hall does not offer shows as none; "by the ID card" sends no field', () => {
    expect(shownChoice('auto', ['disabled', 'none'])).toBe('none');
    expect(shownChoice('pregnant', ['pregnant', 'none'])).toBe('pregnant');
    expect(priorityField('auto')).toBeUndefined();
    expect(priorityField('none')).toBe('none');
    expect(sentPriority('pregnant', ['elderly'])).toBe('none');
    expect(sentPriority('auto', undefined)).toBeUndefined();
  });
});
