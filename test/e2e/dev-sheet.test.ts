import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevSession, type DevSession } from '../../src/commands/dev.js';
import { createBuildOptions } from '../../src/options.js';

const DECK = (rows: string) => `meta: { title: Costos, author: Ana, date: 2025-11-02 }
fields:
  name:  { type: text, label: Modelo }
  units: { type: integer, label: Unidades }
rows: ${rows}
slides:
  - layout: table
    title: Modelos
    columns: [name, units]
`;
const CSV = (units: string) => `Modelo;Unidades\nGPT-4;10.000\nLlama 3;${units}\n`;

/** Resolves once `lines` holds one more entry than `count`, or fails after a while. */
async function nextLine(lines: readonly string[], count: number): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const line = lines[count];
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no new line after ${lines.slice(-3).join(' | ')}`);
}

/** `npm run dev` on a deck whose rows are in a spreadsheet: a save of the spreadsheet rebuilds like a YAML edit. */
describe.each([
  ['beside the deck', 'modelos.csv', ''],
  ['in another folder', 'datos/modelos.csv', 'datos'],
])('datadeck dev: a spreadsheet %s', (_where, rows, folder) => {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-dev-sheet-'));
  const sheet = join(dir, rows);
  const printed: string[] = [];
  const errors: string[] = [];
  let session: DevSession;

  beforeAll(async () => {
    if (folder !== '') mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'deck.yaml'), DECK(rows));
    writeFileSync(sheet, CSV('2.000'));
    const build = createBuildOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'dist'), cacheDir: undefined });
    session = await startDevSession({
      build,
      port: 0,
      isPortChosen: true,
      isShared: false,
      print: (line) => printed.push(line),
      printError: (text) => errors.push(text),
    });
  });

  afterAll(async () => {
    await session.close();
  });

  it('rebuilds when the spreadsheet is saved, naming the cell that changed', async () => {
    const count = printed.length;
    writeFileSync(sheet, CSV('2.400'));
    expect(await nextLine(printed, count)).toMatch(
      new RegExp(`^${sheet.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:2 \\(Unidades\\) 2\\.000 → 2\\.400 · 1 slide · \\d+ ms$`),
    );
  });

  it('reports a bad save at its cell, then rebuilds once the cell is fixed', async () => {
    const failures = errors.length;
    writeFileSync(sheet, CSV('muchas'));
    expect(await nextLine(errors, failures)).toContain(`error[schema] ${sheet}:3:2  column "Unidades"`);
    const count = printed.length;
    writeFileSync(sheet, CSV('2.500'));
    expect(await nextLine(printed, count)).toMatch(/\(Unidades\) 2\.400 → 2\.500 · 1 slide/);
  });
});
