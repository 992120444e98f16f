import { describe, expect, it } from 'vitest';
import { editingOf, hallEditingOf, hasCityLevel, isCityGroup, isHallTab, tabHref, tabOf, tabsFor } from './admin-tabs.js';

const q = (s: string) => new URLSearchParams(s);

describe('admin addresses', () => {
  it('reads the section, today by default', () => {
    expect(tabOf(q(''))).toBe('today');
    expect(tabOf(q('tab=calendar'))).toBe('calendar');
    expect(tabOf(q('tab=nonsense'))).toBe('today');
  });

  it('opens the city sections for city admins only', () => {
    expect(tabOf(q('tab=city'), 'city_admin')).toBe('city');
    expect(tabOf(q('tab=city'), 'admin')).toBe('today');
    expect(tabOf(q('tab=halls'), 'admin')).toBe('today');
    expect(tabOf(q('tab=catalog'), 'admin')).toBe('catalog');
    expect(tabsFor('admin')).toEqual(['today', 'services', 'calendar', 'staff', 'reports', 'messages', 'webhooks', 'noShow', 'ratings', 'audit', 'persons', 'catalog']);
    expect(tabOf(q('tab=messages'), 'admin')).toBe('messages');
    expect(tabsFor('city_admin')).toContain('city');
  });

  it('knows which sections work in a hall and which also at the city level', () => {
    expect(isHallTab('today')).toBe(true);
    expect(isHallTab('city')).toBe(false);
    expect(isHallTab('catalog')).toBe(false);
    expect(hasCityLevel('reports')).toBe(true);
    expect(hasCityLevel('calendar')).toBe(true);
    expect(hasCityLevel('services')).toBe(false);
    // The audit log takes no hall: a city admin reads every hall's entries.
    expect(isHallTab('audit')).toBe(false);
    // 短信记录 is one hall's: a city admin chooses the hall, there is no city level.
    expect(isHallTab('messages')).toBe(true);
    expect(hasCityLevel('messages')).toBe(false);
    expect(isCityGroup('audit')).toBe(false);
    expect(isCityGroup('halls')).toBe(true);
  });

  it('writes section addresses', () => {
    expect(tabHref('today')).toBe('/admin');
    expect(tabHref('services', { service: 'new' })).toBe('/admin?tab=services&service=new');
    expect(tabHref('reports', { from: '2026-10-01', to: '' })).toBe('/admin?tab=reports&from=2026-10-01');
  });

  it('reads which service is being edited', () => {
    expect(editingOf(q(''))).toBeNull();
    expect(editingOf(q('service=new'))).toBe('new');
    expect(editingOf(q('service=12'))).toBe(12);
    expect(editingOf(q('service=1x'))).toBeNull();
  });

  it('reads which hall is being edited', () => {
    expect(hallEditingOf(q(''))).toBeNull();
    expect(hallEditingOf(q('edit=new'))).toBe('new');
    expect(hallEditingOf(q('edit=CD'))).toBe('CD');
    expect(hallEditingOf(q('edit=cd'))).toBeNull();
  });
});
