import { describe, expect, it } from 'vitest';
import { kioskSpeech } from './kiosk-speech.js';

describe('the kiosk speaking in 长辈版', () => {
  it('says the title, then each number spelled out, a refusal and the help line', () => {
    expect(kioskSpeech({ title: '取号成功', callNumbers: ['Y001'], alert: '', lead: '请留意叫号屏' })).toBe('取号成功。您的号码是 Y 0 0 1 号。请留意叫号屏');
    expect(kioskSpeech({ title: ' 预约取号 ', callNumbers: [], alert: '无预约记录', lead: '' })).toBe('预约取号。无预约记录');
    expect(kioskSpeech({ title: '', callNumbers: [], alert: '', lead: '' })).toBe('');
  });
});
