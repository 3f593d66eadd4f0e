import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type z } from 'zod';
import { dedupConfigSchema } from '../../apps/dedup/src/config/dedup.config';
import { gatewayConfigSchema } from '../../apps/gateway/src/config/gateway.config';
import { storiesConfigSchema } from '../../apps/stories/src/config/stories.config';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

// Compose files use YAML merge keys (<<) for shared blocks; the yaml package leaves them off unless asked.
const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

const appSchemas: Record<string, z.ZodObject> = {
  gateway: gatewayConfigSchema,
  dedup: dedupConfigSchema,
  stories: storiesConfigSchema,
};

/** A variable is required when its schema has neither a default nor optional(). */
const requiredKeys = (schema: z.ZodObject): string[] =>
  Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);

/** `${API_KEYS:?…}` is filled in by whoever runs compose; any sample value stands in for it here. */
const interpolated = (environment: Record<string, string | number>): Record<string, string> =>
  Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value).replace(/\$\{[^}]+\}/g, 'sample-value')]));

describe('docker-compose.yml', () => {
  it('runs Kafka 3.9.1 in KRaft mode, PostgreSQL 16 and the three apps', () => {
    expect(Object.keys(services).sort()).toEqual(['dedup', 'gateway', 'kafka', 'postgres', 'stories']);
    expect(services.kafka?.image).toBe('apache/kafka:3.9.1');
    expect(services.kafka?.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1 });
    expect(services.postgres?.image).toBe('postgres:16');
    for (const name of ['kafka', 'postgres']) expect(services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
  });

  describe.each(Object.keys(appSchemas))('%s', (app) => {
    const service = services[app] as Service;
    const schema = appSchemas[app] as z.ZodObject;
    const environment = service.environment ?? {};

    it('is built from this repository and started with its npm script', () => {
      expect(service.build).toBe('.');
      expect(service.command).toEqual(['npm', 'run', '--silent', `start:${app}`]);
      expect(service.depends_on?.kafka?.condition).toBe('service_healthy');
    });

    it('sets only variables its config schema knows, and every required one', () => {
      const known = Object.keys(schema.shape);
      expect(Object.keys(environment).filter((key) => !known.includes(key))).toEqual([]);
      expect(requiredKeys(schema).filter((key) => !(key in environment))).toEqual([]);
    });

    it('passes its own config validation', () => {
      expect(schema.safeParse(interpolated(environment)).error?.issues ?? []).toEqual([]);
    });

    it('reports healthy only when ready, on the port it listens on and publishes', () => {
      const port = String(environment.PORT);
      expect(service.ports).toContain(`${port}:${port}`);
      // Liveness (/health) stays 200 while Kafka or the database is down; `docker compose ps` should say otherwise.
      expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    });
  });

  it("has the stories dashboard ask the other apps' readiness at their compose addresses", () => {
    const probes = String(services.stories?.environment?.OPS_PROBES).split(',');
    for (const app of ['gateway', 'dedup']) expect(probes).toContain(`${app}=http://${app}:${services[app]?.environment?.PORT}`);
  });

  it('points stories at the compose PostgreSQL', () => {
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = services.postgres?.environment ?? {};
    expect(services.stories?.environment?.DATABASE_URL).toBe(`postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB}`);
    expect(services.stories?.depends_on?.postgres?.condition).toBe('service_healthy');
  });
});
