import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The key a client sent: `x-api-key`, else `Authorization: Bearer <key>`. */
export const presentedApiKey = (headers: IncomingHttpHeaders): string | undefined => {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  return BEARER.exec(headers.authorization ?? '')?.[1];
};

/**
 * The configured API keys. Comparison is on SHA-256 digests with timingSafeEqual, against every key without an
 * early exit, so neither the matching key nor a matching prefix shows in the response time. A key is known by a
 * short digest prefix: safe to log and to rate-limit by, useless to an attacker.
 */
export class ApiKeys {
  private readonly digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(sha256);
  }

  /** The id of the matching key, or undefined. */
  identify(presented: string): string | undefined {
    const digest = sha256(presented);
    let match: Buffer | undefined;
    for (const known of this.digests) if (timingSafeEqual(known, digest)) match = known;
    return match && `key-${match.toString('hex').slice(0, 12)}`;
  }
}
