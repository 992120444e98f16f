import { describe, expect, it } from 'vitest';
import { reportCsvHref } from './admin-endpoints.js';

describe('the report CSV link', () => {
  it("follows the scope: a hall's, every hall's rows, or every hall summed", () => {
    expect(reportCsvHref('2026-11-01', '2026-11-30', 'halls', { kind: 'hall', code: 'CD' })).toBe(
      '/api/v1/reports/daily.csv?hall=CD&from=2026-11-01&to=2026-11-30',
    );
    expect(reportCsvHref('2026-11-01', '2026-11-30', 'halls', { kind: 'city' })).toBe('/api/v1/reports/daily.csv?hall=*&from=2026-11-01&to=2026-11-30');
    expect(reportCsvHref('2026-11-01', '2026-11-30', 'sum', { kind: 'city' })).toBe(
      '/api/v1/reports/daily.csv?hall=*&from=2026-11-01&to=2026-11-30&sum=true',
    );
    // Summing means nothing for one hall.
    expect(reportCsvHref('2026-11-01', '2026-11-30', 'sum', { kind: 'hall', code: 'CD' })).toBe(
      '/api/v1/reports/daily.csv?hall=CD&from=2026-11-01&to=2026-11-30',
    );
  });
});
