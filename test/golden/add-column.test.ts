import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { slideSections, visibleText } from '../text.js';

/**
 * What the README promises: a new column is one field declaration, its values, and its name in the table, all in
 * the data file. This test makes exactly those edits to a copy of data/deck.yaml (nothing else is touched) and
 * checks the table, a sentence and the editor schema follow.
 */
const PARAMETERS: Readonly<Record<string, string>> = {
  'GPT-4': '1800',
  'Claude 3': '',
  'Gemini 1.5': '',
  'Mistral 7B': '7',
  'Llama 3': '70',
};

function addParametersColumn(yaml: string): string {
  let text = yaml.replace(
    '  comment:         { type: text, label: Comentario }',
    '  comment:         { type: text, label: Comentario }\n  parameters:      { type: number, label: Parámetros (miles de millones), optional: true }',
  );
  for (const [name, value] of Object.entries(PARAMETERS)) {
    if (value !== '') text = text.replace(`  - name: ${name}\n`, `  - name: ${name}\n    parameters: ${value}\n`);
  }
  text = text.replace(
    '      - { field: comment, label: Comentario, width: 23% }',
    '      - { field: comment, label: Comentario, width: 15% }\n      - { field: parameters, label: Parámetros, width: 8% }',
  );
  return text.replace(
    '      - Los nuevos modelos intentan mejorar la eficiencia energética y el acceso abierto.\n',
    "      - Los nuevos modelos intentan mejorar la eficiencia energética y el acceso abierto.\n      - '{{max parameters name}} es el más grande: {{max parameters}} mil millones de parámetros, {{ratio (max parameters) (min parameters)}} los de {{min parameters name}}.'\n",
  );
}

describe('adding a column to data/deck.yaml', () => {
  it('shows it in the table, in a sentence and in the editor schema, with edits to the data file only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-add-column-'));
    const original = readFileSync(`${ROOT}data/deck.yaml`, 'utf8');
    const edited = addParametersColumn(original);
    // Each of the three edits happened: a field, five values (two rows leave it out), a column and a sentence.
    expect(edited).not.toBe(original);
    expect(edited.match(/parameters/g)?.length).toBe(1 + 3 + 1 + 5);
    writeFileSync(join(dir, 'deck.yaml'), edited);
    const result = await buildDeck(createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'dist') }));
    expect(result.warnings).toEqual([]);
    const html = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    const table = slideSections(html).find((section) => section.includes('data-layout="table"')) ?? '';
    const header = [...table.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((match) => visibleText(match[1] ?? ''));
    expect(header.at(-1)).toBe('Parámetros');
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => visibleText(match[1] ?? '')).slice(1);
    expect(rows.find((row) => row.startsWith('ChatGPT (GPT-4)'))).toMatch(/ 1\.800$/);
    expect(rows.find((row) => row.startsWith('Claude 3'))).toMatch(/ no reportado$/);
    expect(rows.find((row) => row.startsWith('Llama 3'))).toMatch(/ 70$/);
    const summary = slideSections(html).find((section) => section.includes('data-layout="summary"')) ?? '';
    expect(visibleText(summary)).toContain('GPT-4 es el más grande: 1.800 mil millones de parámetros, 257,1 veces los de Mistral 7B.');
    const schema = readFileSync(join(dir, 'deck.schema.json'), 'utf8');
    expect(JSON.parse(schema).properties.rows.items.properties.parameters.description).toContain('Parámetros (miles de millones)');
  });
});
