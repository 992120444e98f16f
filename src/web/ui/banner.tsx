import type { ReactNode } from 'react';

export type Tone = 'error' | 'warning' | 'info' | 'success';

/** A message above the content. Errors and warnings are announced at once (role=alert). */
export function Banner({ tone, title, children, action }: { tone: Tone; title?: string; children?: ReactNode; action?: ReactNode }) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`banner banner--${tone}`} role={urgent ? 'alert' : 'status'}>
      <div className="banner__text">
        {title && <strong className="banner__title">{title}</strong>}
        {children && <div>{children}</div>}
      </div>
      {action && <div className="banner__action">{action}</div>}
    </div>
  );
}
