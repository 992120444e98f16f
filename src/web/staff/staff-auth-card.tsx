// The card the staff sign-in and password-change screens stand in: the app's name, the language
// switch, and a heading that takes focus when the screen appears; the screen's form goes inside.
import type { FormEvent, ReactNode } from 'react';
import { LangSwitch } from '../ui/lang-switch.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';

export function StaffAuthCard({
  appName,
  title,
  focusKey,
  onSubmit,
  children,
}: { appName: string; title: string; focusKey: string; onSubmit: (event: FormEvent) => Promise<void>; children: ReactNode }) {
  const heading = useFocusHeading<HTMLHeadingElement>(focusKey);
  return (
    <main className="staff-auth" id="main">
      <form className="staff-card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="staff-card__top">
          <span className="staff-card__app">{appName}</span>
          <LangSwitch className="button button--secondary staff-card__lang" />
        </div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </form>
    </main>
  );
}
