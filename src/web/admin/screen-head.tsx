// The top of each admin section: its heading (focused when the section opens, for screen
// readers), a line of explanation and the section's main actions.
import type { ReactNode } from 'react';
import { useFocusHeading } from '../ui/use-focus-heading.js';

export function ScreenHead({ id, title, lead, actions }: { id: string; title: string; lead?: ReactNode; actions?: ReactNode }) {
  const heading = useFocusHeading<HTMLHeadingElement>(id);
  return (
    <div className="admin-head">
      <div className="admin-head__text">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead && <p className="admin-head__lead">{lead}</p>}
      </div>
      {actions && <div className="admin-head__actions">{actions}</div>}
    </div>
  );
}
