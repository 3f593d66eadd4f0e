import { type IncomingMessage, type ServerResponse } from 'node:http';

/** API responses are data, never a page: nothing in them may load, run or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** Swagger UI (the gateway's /docs) is a page of our own scripts and styles; it sets inline styles and shows
 * inline SVG/data images. Other pages (the stories app's dashboard) set their own policy on their route. */
const DOCS_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

const isDocsPage = (path: string): boolean => path === '/docs' || path.startsWith('/docs/');

export const securityHeaders = (path: string): Readonly<Record<string, string>> => ({
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': isDocsPage(path) ? DOCS_CSP : API_CSP,
});

/** Middleware for every app: the headers above on every response, errors and 404s included, and no framework
 * advertisement. */
export const securityHeadersMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
  res.removeHeader('X-Powered-By');
  const path = (req.url ?? '/').split('?', 1)[0];
  for (const [name, value] of Object.entries(securityHeaders(path))) res.setHeader(name, value);
  next();
};
