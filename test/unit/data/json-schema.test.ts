import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/build.js';
import { renderJsonSchema } from '../../../src/commands/schema.js';
import { createTestOptions, DEFAULT_DATA, ROOT, readDefaultText } from '../../helpers.js';

const COMMITTED = readFileSync(`${ROOT}data/deck.schema.json`, 'utf8');

/** A copy of data/ (deck.yaml and its charts) in a temp folder, without its schema file. */
function copyDefaultDeck(): { dir: string; dataFile: string; schemaFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-schema-'));
  writeFileSync(join(dir, 'deck.yaml'), readDefaultText());
  return { dir, dataFile: join(dir, 'deck.yaml'), schemaFile: join(dir, 'deck.schema.json') };
}

describe('the JSON Schema editors use', () => {
  it('is what data/deck.yaml points the YAML language server at', () => {
    expect(readDefaultText().split('\n')[0]).toBe('# yaml-language-server: $schema=./deck.schema.json');
  });

  it('is written by the build next to the data file, and data/deck.schema.json is what the build writes', async () => {
    const { dir, dataFile, schemaFile } = copyDefaultDeck();
    await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'out'), cacheDir: undefined }));
    const written = readFileSync(schemaFile, 'utf8');
    expect(written).toBe(COMMITTED);
  });

  it('is what `datadeck schema` prints for the default deck', async () => {
    expect(await renderJsonSchema(createTestOptions({ dataFile: DEFAULT_DATA, cacheDir: undefined }))).toBe(COMMITTED);
  });

  it('is left alone by a build when the fields and layouts it was made from did not change', async () => {
    const { dir, dataFile, schemaFile } = copyDefaultDeck();
    const options = createTestOptions({ dataFile, outDir: join(dir, 'out'), cacheDir: undefined });
    await buildDeck(options);
    const written = statSync(schemaFile).mtimeMs;
    writeFileSync(dataFile, readDefaultText().replace('units: 2000', 'units: 2400'));
    await buildDeck(options);
    expect(statSync(schemaFile).mtimeMs).toBe(written);
  });

  it('is made again when a field is added, and completes the new field', async () => {
    const { dir, dataFile, schemaFile } = copyDefaultDeck();
    const options = createTestOptions({ dataFile, outDir: join(dir, 'out'), cacheDir: undefined });
    await buildDeck(options);
    writeFileSync(
      dataFile,
      readDefaultText().replace(
        '  comment:         { type: text, label: Comentario }',
        '  comment:         { type: text, label: Comentario }\n  parameters:      { type: number, label: Parámetros (miles de millones), optional: true }',
      ),
    );
    await buildDeck(options);
    const schema: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(JSON.stringify(schema)).toContain('"parameters":{"description":"Parámetros (miles de millones) · Opcional."');
  });

  it('is made again when another datadeck version wrote it, even for the same fields', async () => {
    const { dir, dataFile, schemaFile } = copyDefaultDeck();
    const options = createTestOptions({ dataFile, outDir: join(dir, 'out'), cacheDir: undefined });
    await buildDeck(options);
    const current = readFileSync(schemaFile, 'utf8');
    // An older datadeck stamped its own key (its schema version is part of it) and wrote its own descriptions.
    const older = current
      .replace(/"\$comment": "datadeck [0-9a-f]+"/, '"$comment": "datadeck 0123456789abcdef"')
      .replace('"Las filas de datos: una por elemento comparado."', '"Una descripción de otra versión."');
    expect(older).not.toBe(current);
    writeFileSync(schemaFile, older);
    await buildDeck(options);
    expect(readFileSync(schemaFile, 'utf8')).toBe(current);
  });
});
