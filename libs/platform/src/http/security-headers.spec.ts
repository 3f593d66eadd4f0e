import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('locks API responses down completely', () => {
    expect(securityHeaders('/v1/articles')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(securityHeaders('/docs-json')['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('lets the Swagger UI page load its own scripts and styles, and nothing from elsewhere', () => {
    for (const path of ['/docs', '/docs/', '/docs/swagger-ui-bundle.js']) {
      const csp = securityHeaders(path)['Content-Security-Policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('script-src');
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });
});
