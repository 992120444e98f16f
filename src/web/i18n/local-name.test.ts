import { describe, expect, it } from 'vitest';
import { localName } from './local-name.js';

describe('localName', () => {
  const service = { id: 1, nameZh: '社保医保', nameEn: 'Social insurance' };

  it('gives the name in the language asked for', () => {
    expect(localName(service, 'zh')).toBe('社保医保');
    expect(localName(service, 'en')).toBe('Social insurance');
  });
});
