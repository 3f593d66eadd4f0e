/** What the shared HTTP setup puts on every API answer of every app (libs/platform/src/http/security-headers.ts). */
export const expectApiSecurityHeaders = (response: Response): void => {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers.get('x-powered-by')).toBeNull();
};
