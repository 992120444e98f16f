import { describe, expect, it } from 'vitest';
import { apiHeaders, isApiPath, plainHttpOptions, securityHeaders } from './security-headers.js';

describe('security headers (computed once from helmet)', () => {
  it('carries the policy and helmet’s defaults', () => {
    const h = securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"] } } });
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("script-src 'self'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(h['referrer-policy']).toBe('no-referrer');
  });
});

describe('the API’s answers', () => {
  const options = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"] } } };

  it('may load nothing and be framed by nothing, and keep the headers that hold for any response', () => {
    const h = apiHeaders(securityHeaders(options));
    expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['cross-origin-resource-policy']).toBe('same-origin');
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    // What only a document reads is not sent.
    for (const pageOnly of ['x-dns-prefetch-control', 'origin-agent-cluster', 'x-xss-protection', 'x-download-options', 'x-permitted-cross-domain-policies', 'cross-origin-opener-policy']) {
      expect(h, pageOnly).not.toHaveProperty(pageOnly);
    }
  });

  it('over plain HTTP without HSTS, as the pages', () => {
    expect(apiHeaders(securityHeaders(plainHttpOptions(options)))).not.toHaveProperty('strict-transport-security');
  });

  it('are those under /api/ but the API’s documentation pages', () => {
    expect(isApiPath('/api/v1/services')).toBe(true);
    expect(isApiPath('/api/v1/reports/daily.csv?from=2026-11-25')).toBe(true);
    expect(isApiPath('/api/docs/')).toBe(false);
    expect(isApiPath('/api/docs/json')).toBe(false);
    expect(isApiPath('/')).toBe(false);
    expect(isApiPath('/assets/index.js')).toBe(false);
    expect(isApiPath('/apixyz')).toBe(false);
  });
});
