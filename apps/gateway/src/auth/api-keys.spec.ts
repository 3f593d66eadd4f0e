import { ApiKeys, presentedApiKey } from './api-keys';

describe('presentedApiKey', () => {
  it('reads x-api-key first, then a Bearer token', () => {
    expect(presentedApiKey({ 'x-api-key': ' k1 ' })).toBe('k1');
    expect(presentedApiKey({ authorization: 'Bearer k2' })).toBe('k2');
    expect(presentedApiKey({ authorization: 'bearer   k3 ' })).toBe('k3');
    expect(presentedApiKey({ 'x-api-key': 'k1', authorization: 'Bearer k2' })).toBe('k1');
  });

  it('finds nothing in a missing, blank or non-Bearer header', () => {
    expect(presentedApiKey({})).toBeUndefined();
    expect(presentedApiKey({ 'x-api-key': '  ' })).toBeUndefined();
    expect(presentedApiKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
    expect(presentedApiKey({ authorization: 'Bearer' })).toBeUndefined();
    expect(presentedApiKey({ authorization: 'Bearer a b' })).toBeUndefined();
  });
});

describe('ApiKeys', () => {
  const keys = new ApiKeys(['alpha-key', 'beta-key']);

  it('identifies each configured key by a stable id that does not contain the key', () => {
    const alpha = keys.identify('alpha-key');
    expect(alpha).toMatch(/^key-[0-9a-f]{12}$/);
    expect(keys.identify('alpha-key')).toBe(alpha);
    expect(keys.identify('beta-key')).not.toBe(alpha);
    expect(alpha).not.toContain('alpha');
  });

  it('knows no prefix, extension or case variant of a key', () => {
    for (const wrong of ['alpha', 'alpha-key ', 'alpha-keyx', 'ALPHA-KEY', '']) expect(keys.identify(wrong)).toBeUndefined();
  });
});
