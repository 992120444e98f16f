import { describe, expect, it } from 'vitest';
import { catalogNames, letterChoices, namesEditable } from './service-catalog.js';

const catalog = [
  { letter: 'Y', nameZh: '医社保办理', nameEn: 'Medical and social insurance' },
  { letter: 'H', nameZh: '护照通行证办理', nameEn: 'Passports' },
];

describe('services and the catalogue', () => {
  it('offers a hall admin only free catalogue letters, a city admin every free letter', () => {
    expect(letterChoices(['A', 'H', 'Q'], catalog, 'admin')).toEqual(['H']);
    expect(letterChoices(['A', 'H', 'Q'], catalog, 'city_admin')).toEqual(['A', 'H', 'Q']);
    expect(letterChoices(['A'], catalog, 'admin')).toEqual([]);
  });

  it("takes a catalogue letter's names, none for a new letter", () => {
    expect(catalogNames('H', catalog)).toEqual({ nameZh: '护照通行证办理', nameEn: 'Passports' });
    expect(catalogNames('G', catalog)).toBeNull();
  });

  it('lets only city admins type the names', () => {
    expect(namesEditable('city_admin')).toBe(true);
    expect(namesEditable('admin')).toBe(false);
  });
});
