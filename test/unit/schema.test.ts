import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '../../server/src/core/json-schema';

const file = join(__dirname, '../../schemas/ehcp.schema.json');

describe('schemas/ehcp.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing server/src/core/model.ts)', () => {
    expect(readFileSync(file, 'utf8')).toBe(jsonSchemaText());
  });

  it('is draft-07 and keeps the format’s required fields and enums', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(expect.arrayContaining(['ehcp', 'child', 'plan', 'needs', 'outcomes', 'provision']));
    expect(schema.additionalProperties).toBe(false);
    const provision = schema.properties.provision.items;
    expect(provision.properties.section.enum).toEqual(['F', 'G', 'H1', 'H2']);
    expect(provision.required).toEqual(expect.arrayContaining(['id', 'section', 'needs', 'text']));
    expect(provision.properties.outcomes.description).toMatch(/outcomes/);
  });
});
