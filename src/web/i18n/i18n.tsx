// The language of the screen: zh-CN by default, English on request. The booking app remembers
// the choice in localStorage; the kiosk does not (the next person starts in Chinese). English texts
// are a chunk of their own, fetched when English is chosen: until they are here the screen stays in
// the language it shows (or, when it starts in English, shows nothing yet).
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../contracts/errors.js';
import { type MessageKey, type Params, langLoaded, loadLang, translate } from './translate.js';

export type { Lang, MessageKey };
export const LANG_STORAGE_KEY = 'vreserve.lang';

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function storedLang(): Lang {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** `initial` fixes the starting language (a display board set up by its address); else stored or zh. */
export function I18nProvider({ persist, initial, children }: { persist: boolean; initial?: Lang; children: ReactNode }) {
  const [wanted, setWanted] = useState<Lang>(() => initial ?? (persist ? storedLang() : 'zh'));
  // The language on screen: the wanted one once its texts are here.
  const [lang, setShown] = useState<Lang | null>(() => (langLoaded(wanted) ? wanted : null));
  const setLang = useCallback(
    (next: Lang) => {
      setWanted(next);
      // Texts already here: the switch shows at once, as it always did.
      if (langLoaded(next)) setShown(next);
      if (!persist) return;
      try {
        window.localStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // Private mode or storage full: the choice lasts for this page only.
      }
    },
    [persist],
  );
  useEffect(() => {
    if (lang === wanted) return;
    let live = true;
    loadLang(wanted).then(
      () => {
        if (live) setShown(wanted);
      },
      () => {
        // The texts could not be fetched (the network went): stay in (or start in) Chinese.
        if (!live) return;
        setShown('zh');
        setWanted('zh');
      },
    );
    return () => {
      live = false;
    };
  }, [lang, wanted]);
  useEffect(() => {
    if (lang) document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18nValue | null>(() => (lang ? { lang, setLang, t: (key, params) => translate(lang, key, params) } : null), [lang, setLang]);
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
