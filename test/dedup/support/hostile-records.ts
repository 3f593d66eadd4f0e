/** Hostile Kafka records for the article topic, shared by the poison test and `npm run bench:faults`. */
export interface Hostile {
  readonly key: string | null;
  readonly value: Buffer | null;
}

export const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

/** One of each kind, marked with `n` wherever the payload can carry it so every dead letter can be traced back. */
const HOSTILE_KINDS: ((n: number) => Hostile)[] = [
  (n) => ({ key: `bad-json-${n}`, value: Buffer.from(`{"id": "bad-json-${n}", "body": "cut off`) }),
  (n) => ({ key: `no-body-${n}`, value: json({ id: `no-body-${n}`, title: 'A title and nothing else' }) }),
  (n) => ({ key: `wrong-types-${n}`, value: json({ id: n, body: ['not', 'a', 'string'], title: false, publishedAt: 12 }) }),
  (n) => ({ key: `proto-${n}`, value: Buffer.from(`{"id":"proto-${n}","body":"Looks fine.","__proto__":{"isAdmin":true}}`) }),
  (n) => ({ key: `constructor-${n}`, value: Buffer.from(`{"id":"constructor-${n}","body":"Looks fine.","meta":{"constructor":{"prototype":{"polluted":1}}}}`) }),
  (n) => ({ key: `surrogate-${n}`, value: Buffer.from(`{"id":"surrogate-${n}","body":"half an emoji: \\ud83d then text"}`) }),
  (n) => ({ key: `empty-${n}`, value: Buffer.alloc(0) }),
  (n) => ({ key: `tombstone-${n}`, value: null }),
  (n) => ({ key: null, value: json({ id: `null-key-${n}`, body: '   ' }) }),
  (n) => ({ key: `garbage-${n}`, value: Buffer.from(Array.from({ length: 64 + n }, (_, i) => (i * 37 + n * 101) % 256)) }),
  (n) => ({ key: `not-an-object-${n}`, value: Buffer.from([`${n}`, `"text ${n}"`, `[${n}]`, 'null', 'true'][n % 5]) }),
  (n) => ({ key: `deep-${n}`, value: Buffer.from(`${'{"a":'.repeat(20_000)}${n}${'}'.repeat(20_000)}`) }),
  (n) => ({ key: `long-id-${n}`, value: json({ id: `x${n}`.padEnd(300, 'x'), body: 'Body.' }) }),
  (n) => ({ key: `bad-date-${n}`, value: json({ id: `bad-date-${n}`, body: 'Body.', publishedAt: 'yesterday', language: 'english' }) }),
  // Latin-1 where UTF-8 belongs: decoded leniently, "caf\xe9" and "caf\xe8" would become the same id.
  (n) => ({ key: `not-utf8-${n}`, value: Buffer.concat([Buffer.from(`{"id":"not-utf8-${n}-caf`), Buffer.from([0xe9]), Buffer.from('","body":"Body."}')]) }),
];

/** Over the 1 MiB body limit, one of them far over (5 MB): refused with the limit, never parsed, kept in part. */
const oversized = (n: number, bytes: number): Hostile => ({ key: `oversized-${n}`, value: json({ id: `oversized-${n}`, body: 'word '.repeat(bytes / 5) }) });

export const hostilePayloads = (count: number): Hostile[] => [
  oversized(0, 5 * 1024 * 1024),
  oversized(1, 1_100_000),
  ...Array.from({ length: count - 2 }, (_, i) => HOSTILE_KINDS[i % HOSTILE_KINDS.length](i)),
];

