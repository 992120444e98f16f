// 长辈版 at the kiosk speaks: each step's title and help, a refusal, and the number issued, in
// Mandarin through the same speech queue as the display board (without its chime), with a 重听
// button that says it again. It reads what the screen shows, marked with `data-speak` (title, lead,
// number), so every step speaks without each screen knowing about the voice.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useElderMode } from '../ui/elder-mode.js';
import { Announcer } from '../voice/announcer.js';
import { kioskSpeech } from './kiosk-speech.js';

const voice = new Announcer({ chime: false });

function screenText(main: HTMLElement): string {
  const text = (selector: string) => main.querySelector(selector)?.textContent ?? '';
  return kioskSpeech({
    title: text('[data-speak="title"]'),
    callNumbers: [...main.querySelectorAll('[data-speak="number"]')].map((e) => e.textContent ?? ''),
    alert: text('[role="alert"]'),
    lead: text('[data-speak="lead"]'),
  });
}

export function KioskVoice({ className }: { className: string }) {
  const { t, lang } = useI18n();
  const on = useElderMode();
  const [said, setSaid] = useState('');
  const last = useRef('');
  useEffect(() => {
    // Mandarin only: the English screen is read by nobody rather than badly.
    if (!on || lang !== 'zh') return;
    const main = document.getElementById('main');
    if (!main) return;
    let stopped = false;
    const read = () => {
      if (stopped) return;
      const text = screenText(main);
      if (text === '' || text === last.current) return;
      last.current = text;
      setSaid(text);
      voice.sayInstead(text);
    };
    const observer = new MutationObserver(read);
    // The voice starts on the 长辈版 touch (browsers allow sound after one); then this screen is read.
    void (voice.soundOn ? Promise.resolve() : voice.unlock()).then(() => {
      read();
      if (!stopped) observer.observe(main, { childList: true, subtree: true, characterData: true });
    });
    return () => {
      stopped = true;
      observer.disconnect();
      last.current = '';
    };
  }, [on, lang]);
  if (!on || lang !== 'zh') return null;
  return (
    <button type="button" className={className} onClick={() => said && voice.sayInstead(said)} data-testid="kiosk-repeat">
      {t('elder.repeat')}
    </button>
  );
}
