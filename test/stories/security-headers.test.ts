import { startStoriesApp, type StoriesApp } from './support/stories-app';
import { uniqueName } from '../support/kafka';
import { expectApiSecurityHeaders } from '../support/security-headers';

describe('stories app security headers', () => {
  let app: StoriesApp;
  beforeAll(async () => {
    app = await startStoriesApp({ flavour: 'PGlite', topic: uniqueName('stories.headers') });
  });
  afterAll(() => app.stop());

  it('sends them on API answers, errors and 404s alike, and no X-Powered-By', async () => {
    for (const path of ['/v1/stories', '/v1/stories?limit=nope', '/v1/nothing-here', '/health/ready']) {
      expectApiSecurityHeaders(await fetch(`${app.url}${path}`));
    }
  });

  it('lets the dashboard page load only its own script, styles and stream, and never be framed', async () => {
    const page = await fetch(`${app.url}/dashboard`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
