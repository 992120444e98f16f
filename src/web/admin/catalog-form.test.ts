import { describe, expect, it } from 'vitest';
import { catalogBody, catalogDraftOf, catalogProblems, freeCatalogLetters } from './catalog-form.js';

const entry = { letter: 'Y', nameZh: '医社保办理', nameEn: 'Medical and social insurance', bringZh: '身份证', bringEn: 'ID card', sortOrder: 10 };

describe('the catalogue form', () => {
  it('offers the first free letter for a new service', () => {
    const free = freeCatalogLetters([{ letter: 'A' }, { letter: 'Y' }]);
    expect(free[0]).toBe('B');
    expect(free).not.toContain('Y');
    expect(free).toHaveLength(24);
    expect(catalogDraftOf(null, free)).toMatchObject({ letter: 'B', nameZh: '', sortOrder: '' });
  });

  it('asks for both names and a sane order', () => {
    expect(catalogProblems(catalogDraftOf(null, ['B']))).toEqual({ nameZh: 'EMPTY', nameEn: 'EMPTY' });
    const draft = catalogDraftOf(entry, []);
    expect(catalogProblems(draft)).toEqual({});
    expect(catalogProblems({ ...draft, sortOrder: 'x' }).sortOrder).toBe('RANGE');
    expect(catalogProblems({ ...draft, bringZh: '字'.repeat(1001) }).bringZh).toBe('TOO_LONG');
    expect(catalogProblems({ ...draft, letter: '' }).letter).toBe('EMPTY');
  });

  it('sends the names trimmed, the order only when given', () => {
    expect(catalogBody({ ...catalogDraftOf(entry, []), nameZh: ' 医保 ' })).toEqual({
      nameZh: '医保',
      nameEn: 'Medical and social insurance',
      bringZh: '身份证',
      bringEn: 'ID card',
      sortOrder: 10,
    });
    expect('sortOrder' in catalogBody({ ...catalogDraftOf(entry, []), sortOrder: '' })).toBe(false);
  });
});
