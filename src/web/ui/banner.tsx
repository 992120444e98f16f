import type { ReactNode } from 'react';

export type Tone = 'error' | 'warning' | 'info' | 'success';

/** A message above the content. Errors and warnings are announced at once (role=alert). */
/** `focusable`: the page may move focus to it (a message that is the answer to what was just done). */
export function Banner({
  tone,
  title,
  children,
  action,
  focusable,
}: { tone: Tone; title?: string; children?: ReactNode; action?: ReactNode; focusable?: boolean }) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`banner banner--${tone}`} role={urgent ? 'alert' : 'status'} {...(focusable ? { tabIndex: -1 } : {})}>
      <div className="banner__text">
        {title && <strong className="banner__title">{title}</strong>}
        {children && <div>{children}</div>}
      </div>
      {action && <div className="banner__action">{action}</div>}
    </div>
  );
}
