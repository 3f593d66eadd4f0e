import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFor, schemaFileName, TOPIC_VALUE_SCHEMAS } from './json-schemas';

/** Writes docs/schemas/<topic>.schema.json; run after changing a contract schema (`npm run docs:schemas`). */
const dir = join(__dirname, '..', '..', 'docs', 'schemas');
mkdirSync(dir, { recursive: true });
for (const topic of Object.keys(TOPIC_VALUE_SCHEMAS) as (keyof typeof TOPIC_VALUE_SCHEMAS)[]) {
  writeFileSync(join(dir, schemaFileName(topic)), jsonSchemaFor(topic));
  console.log(`wrote docs/schemas/${schemaFileName(topic)}`);
}
