import { describe, expect, it } from 'vitest';
import {
  composeIdCard,
  idCardCheckChar,
  type IdCardError,
  maskIdCard,
  normalizeIdCard,
  parseIdCard,
} from './id-card.js';

const TODAY = '2024-06-15';

describe('idCardCheckChar', () => {
  // Expected values computed independently (ISO 7064 MOD 11-2), covering all 11 possible check characters.
  it.each([
    ['11010119900307007', '0'],
    ['11010119900307001', '1'],
    ['11010119900307006', '2'],
    ['11010119900307000', '3'],
    ['11010119900307005', '4'],
    ['11010119900307018', '5'],
    ['11010119900307004', '6'],
    ['11010119900307009', '7'],
    ['11010119900307003', '8'],
    ['11010119900307008', '9'],
    ['11010119900307002', 'X'],
    // Published examples
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['11010119900307447', '7'],
  ])('%s → %s', (first17, check) => {
    expect(idCardCheckChar(first17)).toBe(check);
    expect(composeIdCard(first17)).toBe(first17 + check);
  });

  it.each(['', '1101011990030700', '110101199003070070', '1101011990030700X', '１１０１０１１９９００３０７００７'])(
    'throws on non-17-digit input %j',
    (bad) => {
      expect(() => idCardCheckChar(bad)).toThrow(RangeError);
    },
  );
});

describe('parseIdCard: every check character parses', () => {
  it.each([
    ['11010119900307007', '110101199003070070', 'M'],
    ['11010119900307001', '110101199003070011', 'M'],
    ['11010119900307006', '110101199003070062', 'F'],
    ['11010119900307000', '110101199003070003', 'F'],
    ['11010119900307005', '110101199003070054', 'M'],
    ['11010119900307018', '110101199003070185', 'F'],
    ['11010119900307004', '110101199003070046', 'F'],
    ['11010119900307009', '110101199003070097', 'M'],
    ['11010119900307003', '110101199003070038', 'M'],
    ['11010119900307008', '110101199003070089', 'F'],
    ['11010119900307002', '11010119900307002X', 'F'],
  ] as const)('%s + check → %s', (first17, full, sex) => {
    expect(composeIdCard(first17)).toBe(full);
    expect(parseIdCard(full, TODAY)).toEqual({ ok: true, id: { value: full, birthDate: '1990-03-07', sex } });
  });
});

describe('parseIdCard: valid numbers and normalization', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'F'],
    ['110101199003074477', '110101199003074477', '1990-03-07', 'M'],
    // lowercase x
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'F'],
    // surrounding whitespace
    ['  11010519491231002X  ', '11010519491231002X', '1949-12-31', 'F'],
    ['\t110101199003074477\n', '110101199003074477', '1990-03-07', 'M'],
    ['\u3000110101199003074477\u3000', '110101199003074477', '1990-03-07', 'M'],
    [' \u3000 11010519491231002x \u3000 ', '11010519491231002X', '1949-12-31', 'F'],
    // full-width digits and X
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'F'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X', '1949-12-31', 'F'],
    ['１１０１０１１９９００３０７４４７７', '110101199003074477', '1990-03-07', 'M'],
    // mixed full-width / ASCII
    ['1101０５1949１２31002Ｘ', '11010519491231002X', '1949-12-31', 'F'],
    ['\u3000１１０１０１１９９００３０７４４７７ ', '110101199003074477', '1990-03-07', 'M'],
  ] as const)('%j → %s', (raw, value, birthDate, sex) => {
    expect(parseIdCard(raw, TODAY)).toEqual({ ok: true, id: { value, birthDate, sex } });
  });
});

describe('parseIdCard: sex from the 17th digit', () => {
  it.each([
    ['0', 'F'],
    ['1', 'M'],
    ['2', 'F'],
    ['3', 'M'],
    ['4', 'F'],
    ['5', 'M'],
    ['6', 'F'],
    ['7', 'M'],
    ['8', 'F'],
    ['9', 'M'],
  ] as const)('17th digit %s → %s', (digit, sex) => {
    const value = composeIdCard(`3201021985111509${digit}`);
    const r = parseIdCard(value, TODAY);
    expect(r).toEqual({ ok: true, id: { value, birthDate: '1985-11-15', sex } });
  });
});

describe('parseIdCard: region codes', () => {
  const valid = [
    '11', '12', '13', '14', '15',
    '21', '22', '23',
    '31', '32', '33', '34', '35', '36', '37',
    '41', '42', '43', '44', '45', '46',
    '50', '51', '52', '53', '54',
    '61', '62', '63', '64', '65',
    '71', '81', '82', '83', '91',
  ];

  it.each(valid)('province %s is accepted', (p) => {
    const value = composeIdCard(`${p}010219900101123`);
    const r = parseIdCard(value, TODAY);
    expect(r.ok).toBe(true);
  });

  it('there are exactly 36 accepted province codes out of 00..99', () => {
    const accepted: string[] = [];
    for (let i = 0; i < 100; i++) {
      const p = String(i).padStart(2, '0');
      if (parseIdCard(composeIdCard(`${p}010219900101123`), TODAY).ok) accepted.push(p);
    }
    expect(accepted).toEqual(valid);
  });

  it.each(['00', '10', '16', '19', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '84', '90', '92', '99'])(
    'province %s → REGION',
    (p) => {
      const value = composeIdCard(`${p}010219900101123`);
      expect(parseIdCard(value, TODAY)).toEqual({ ok: false, error: 'REGION' });
    },
  );
});

describe('parseIdCard: birth dates', () => {
  const withBirth = (yyyymmdd: string) => composeIdCard(`110101${yyyymmdd}123`);

  it.each([
    ['20000229', '2000-02-29'], // divisible by 400: leap
    ['20240229', '2024-02-29'], // divisible by 4: leap
    ['19040229', '1904-02-29'],
    ['19960229', '1996-02-29'],
    ['19000101', '1900-01-01'], // earliest accepted year
    ['19001231', '1900-12-31'],
    ['19900131', '1990-01-31'],
    ['19900430', '1990-04-30'],
    ['19901231', '1990-12-31'],
    ['20230228', '2023-02-28'],
  ])('%s is a valid birth date', (yyyymmdd, iso) => {
    const r = parseIdCard(withBirth(yyyymmdd), TODAY);
    expect(r.ok && r.id.birthDate).toBe(iso);
  });

  it.each([
    ['20230229', 'Feb 29 on a non-leap year'],
    ['19000229', 'Feb 29 on 1900 (century, not divisible by 400)'],
    ['21000229', 'Feb 29 on 2100'],
    ['20240230', 'Feb 30 on a leap year'],
    ['19900431', 'Apr 31'],
    ['19900631', 'Jun 31'],
    ['19900931', 'Sep 31'],
    ['19901131', 'Nov 31'],
    ['19900132', 'Jan 32'],
    ['19900001', 'month 00'],
    ['19901301', 'month 13'],
    ['19909901', 'month 99'],
    ['19900100', 'day 00'],
    ['18991231', 'year 1899'],
    ['18800101', 'year 1880'],
    ['00000101', 'year 0000'],
    ['00000000', 'all zeros'],
  ])('%s → BIRTH_DATE (%s)', (yyyymmdd) => {
    expect(parseIdCard(withBirth(yyyymmdd), TODAY)).toEqual({ ok: false, error: 'BIRTH_DATE' });
  });

  it('440524188001010014 has a correct check digit but a pre-1900 birth year → BIRTH_DATE', () => {
    expect(idCardCheckChar('44052418800101001')).toBe('4');
    expect(parseIdCard('440524188001010014', TODAY)).toEqual({ ok: false, error: 'BIRTH_DATE' });
  });

  it.each([
    ['20240615', '2024-06-15', true], // born exactly on today
    ['20240614', '2024-06-15', true],
    ['20240616', '2024-06-15', false],
    ['20240701', '2024-06-15', false],
    ['20250101', '2024-06-15', false],
    ['20991231', '2024-06-15', false],
    ['19491231', '1949-12-31', true], // today is the birth date
    ['19500101', '1949-12-31', false],
    ['20240229', '2024-02-29', true],
    ['20240229', '2024-02-28', false],
    ['20240301', '2024-02-29', false],
    ['20231231', '2024-01-01', true],
  ])('birth %s with today %s → ok=%s', (yyyymmdd, today, ok) => {
    const value = withBirth(yyyymmdd);
    const r = parseIdCard(value, today);
    if (ok) {
      expect(r).toEqual({
        ok: true,
        id: { value, birthDate: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`, sex: 'M' },
      });
    } else {
      expect(r).toEqual({ ok: false, error: 'BIRTH_FUTURE' });
    }
  });
});

describe('parseIdCard: errors', () => {
  it.each<[string, IdCardError]>([
    // EMPTY
    ['', 'EMPTY'],
    [' ', 'EMPTY'],
    ['\t\n  ', 'EMPTY'],
    ['\u3000', 'EMPTY'],
    [' \u3000\u3000 ', 'EMPTY'],
    // LEGACY_15
    ['110105491231002', 'LEGACY_15'],
    [' 110105491231002 ', 'LEGACY_15'],
    ['\u3000110105491231002\u3000', 'LEGACY_15'],
    ['１１０１０５４９１２３１００２', 'LEGACY_15'],
    ['000000000000000', 'LEGACY_15'],
    // LENGTH
    ['1', 'LENGTH'],
    ['11010519491231', 'LENGTH'], // 14 digits
    ['1101054912310021', 'LENGTH'], // 16 digits
    ['11010519491231002', 'LENGTH'], // 17 digits
    ['11010519491231002X1', 'LENGTH'], // 19
    ['110105194912310021X', 'LENGTH'],
    ['11010519491231002XX', 'LENGTH'],
    ['11010549123100X', 'LENGTH'], // 15 chars but not all digits
    ['abc', 'LENGTH'],
    ['110105 19491231002X', 'LENGTH'], // inner space is not removed
    ['110105-19491231-002X', 'LENGTH'],
    ['11010519491231002X\u200b', 'LENGTH'], // zero-width space is not whitespace
    // FORMAT
    ['1101051949123100XX', 'FORMAT'],
    ['X1010519491231002X', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['11010519491231002A', 'FORMAT'],
    ['1101051949123I002X', 'FORMAT'],
    ['110105 949123 002X', 'FORMAT'],
    ['110105-949123-002X', 'FORMAT'],
    ['11010519491231002\u0425', 'FORMAT'], // Cyrillic Х is not X
    ['١١٠١٠٥١٩٤٩١٢٣١٠٠٢X', 'FORMAT'], // Arabic-Indic digits are not converted
    // REGION (check digit otherwise correct)
    [composeIdCard('00010519491231002'), 'REGION'],
    [composeIdCard('99010519491231002'), 'REGION'],
    // CHECKSUM
    ['110105194912310021', 'CHECKSUM'],
    ['110101199003074470', 'CHECKSUM'],
    ['11010119900307447X', 'CHECKSUM'],
    ['110101199003074478', 'CHECKSUM'],
    ['110101199003074487', 'CHECKSUM'], // transposed digits
  ])('%j → %s', (raw, error) => {
    expect(parseIdCard(raw, TODAY)).toEqual({ ok: false, error });
  });

  it.each(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])(
    '11010519491231002X with check char %s instead of X → CHECKSUM',
    (c) => {
      expect(parseIdCard(`11010519491231002${c}`, TODAY)).toEqual({ ok: false, error: 'CHECKSUM' });
    },
  );

  it.each(['0', '1', '2', '3', '4', '5', '6', '8', '9', 'X', 'x'])(
    '110101199003074477 with check char %s instead of 7 → CHECKSUM',
    (c) => {
      expect(parseIdCard(`11010119900307447${c}`, TODAY)).toEqual({ ok: false, error: 'CHECKSUM' });
    },
  );

  describe('check order', () => {
    it.each<[string, string, IdCardError]>([
      ['FORMAT before REGION', '0001051949123100XX', 'FORMAT'],
      ['REGION before BIRTH_DATE', '000105194902300021', 'REGION'],
      ['REGION before CHECKSUM', '000105194912310021', 'REGION'],
      ['BIRTH_DATE before BIRTH_FUTURE', '110105209902300021', 'BIRTH_DATE'],
      ['BIRTH_DATE before CHECKSUM', '110105194902300021', 'BIRTH_DATE'],
      ['BIRTH_FUTURE before CHECKSUM', '110105209901010021', 'BIRTH_FUTURE'],
      ['LEGACY_15 before REGION', '000000000000000', 'LEGACY_15'],
      ['LENGTH before FORMAT', 'XXXXXXXXXXXXXXXXXXX', 'LENGTH'],
    ])('%s: %s → %s', (_label, raw, error) => {
      expect(parseIdCard(raw, TODAY)).toEqual({ ok: false, error });
    });

    it.each(['000105194902300021', '000105194912310021', '110105209902300021', '110105194902300021', '110105209901010021'])(
      '%s really has a wrong check character (so the order test is meaningful)',
      (value) => {
        expect(idCardCheckChar(value.slice(0, 17))).not.toBe(value.charAt(17));
      },
    );
  });
});

describe('normalizeIdCard', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['\u3000', ''],
    [' 11010519491231002x ', '11010519491231002X'],
    ['\u300011010519491231002X\u3000', '11010519491231002X'],
    ['\t\r\n110101199003074477\n', '110101199003074477'],
    ['０１２３４５６７８９', '0123456789'],
    ['Ｘｘx', 'XXX'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    // nothing else: inner spaces, dashes, other letters and symbols are kept
    ['110105 1949', '110105 1949'],
    ['110105\u30001949', '110105\u30001949'],
    ['11-01', '11-01'],
    ['abc', 'abc'],
    ['Ａ', 'Ａ'],
    ['y', 'y'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeIdCard(raw)).toBe(normalized);
  });
});

describe('maskIdCard', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['110101199003074477', '110101********4477'],
    ['440524188001010014', '440524********0014'],
    ['320102198511150955', '320102********0955'],
    // not an 18-character value: fully masked
    ['', ''],
    ['110105491231002', '***************'],
    ['1234', '****'],
  ])('%s → %s', (value, masked) => {
    expect(maskIdCard(value)).toBe(masked);
  });
});
