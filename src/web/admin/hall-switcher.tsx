// The header's hall: a city admin's switcher (halls grouped by district, closed ones marked, and
// 全市 on sections with a city level); a hall admin's own hall by name.
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAdminScope } from './admin-scope-context.js';
import { scopeValue } from './admin-scope.js';
import { districtName, groupsOf, hallName } from './hall-names.js';

export function HallSwitcher({ cityLevel }: { cityLevel: boolean }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { halls, scope, choose } = useAdminScope();
  const groups = groupsOf(halls, (h) => districtName(h, lang));
  const option = (h: (typeof halls)[number]) => (
    <option key={h.code} value={h.code}>
      {h.active ? hallName(h, lang) : t('admin.scope.closed', { name: hallName(h, lang) })}
    </option>
  );
  return (
    <span className="hall-switcher">
      <label htmlFor={id} className="hall-switcher__label">
        {t('admin.scope.label')}
      </label>
      <select id={id} className="hall-switcher__select" value={scopeValue(scope)} onChange={(e) => choose(e.target.value)}>
        {cityLevel && <option value="*">{t('admin.scope.city')}</option>}
        {groups.length > 1 || groups[0]?.key
          ? groups.map((g) => (
              <optgroup key={g.key} label={g.key || t('admin.city.noDistrict')}>
                {g.items.map(option)}
              </optgroup>
            ))
          : halls.map(option)}
      </select>
    </span>
  );
}

/** What the header says where there is nothing to switch: the city (its own sections), or the hall. */
export function HallPlace({ city }: { city: boolean }) {
  const { t, lang } = useI18n();
  const { halls, scope } = useAdminScope();
  // A city of one hall: its calendar is the city's, but the header names the hall as everywhere else.
  const alone = halls.length === 1 ? halls[0] : undefined;
  if (city || (scope.kind === 'city' && !alone)) return <span className="staff-header__place">{t('admin.scope.city')}</span>;
  const own = scope.kind === 'hall' ? halls.find((h) => h.code === scope.code) : alone;
  return (
    <span className="staff-header__place" data-testid="hall-place">
      {own ? hallName(own, lang) : scope.kind === 'hall' ? scope.code : ''}
    </span>
  );
}
