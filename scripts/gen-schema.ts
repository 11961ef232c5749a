/**
 * Writes schemas/ehcp.schema.json from the zod schema (draft-07, input types), so other YAML
 * tooling (the Red Hat YAML extension, yamllint with a schema) validates and completes plans too.
 * `npm run schema`; test/unit/schema.test.ts fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSchemaText } from '../server/src/core/json-schema';

const out = resolve(process.argv[2] ?? 'schemas/ehcp.schema.json');
writeFileSync(out, jsonSchemaText());
console.log(`wrote ${out}`);
