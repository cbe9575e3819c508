import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema } from '../../../src/commands/schema.js';
import { ROOT, readDefaultText } from '../../helpers.js';

describe('the JSON Schema editors use', () => {
  it('is the committed data/deck.schema.json, regenerated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(`${ROOT}data/deck.schema.json`, 'utf8')).toBe(renderJsonSchema());
  });

  it('is what data/deck.yaml points the YAML language server at', () => {
    expect(readDefaultText().split('\n')[0]).toBe('# yaml-language-server: $schema=./deck.schema.json');
  });

  it('explains fields in Spanish and refuses unknown ones', () => {
    const schema: unknown = JSON.parse(renderJsonSchema());
    const text = JSON.stringify(schema);
    expect(text).toContain('Costo total del hardware en USD');
    expect(text).toContain('"additionalProperties":false');
  });
});
