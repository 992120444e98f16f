import { useI18n } from '../i18n/i18n.js';

/** Shows the other language's name in that language, so either reader can find it. */
export function LangSwitch({ className = 'lang-switch' }: { className?: string }) {
  const { lang, setLang } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <button type="button" className={className} lang={next === 'zh' ? 'zh-CN' : 'en'} onClick={() => setLang(next)}>
      {next === 'zh' ? '中文' : 'English'}
    </button>
  );
}
