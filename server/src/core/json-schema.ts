import { z } from 'zod';
import { planSchema } from './model';

/** The plan format as JSON Schema draft-07 text (fields with defaults stay optional: io 'input'). */
export function jsonSchemaText(): string {
  const schema = z.toJSONSchema(planSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const withId = {
    $schema: schema.$schema,
    $id: 'https://github.com/ehcp-plan-writer/ehcp-plan-writer/blob/main/schemas/ehcp.schema.json',
    title: 'EHCP plan source, format version 1',
    ...schema,
  };
  return `${JSON.stringify(withId, null, 2)}\n`;
}
