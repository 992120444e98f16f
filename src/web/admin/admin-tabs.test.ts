import { describe, expect, it } from 'vitest';
import { editingOf, tabHref, tabOf } from './admin-tabs.js';

const q = (s: string) => new URLSearchParams(s);

describe('admin addresses', () => {
  it('reads the section, today by default', () => {
    expect(tabOf(q(''))).toBe('today');
    expect(tabOf(q('tab=calendar'))).toBe('calendar');
    expect(tabOf(q('tab=nonsense'))).toBe('today');
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
});
