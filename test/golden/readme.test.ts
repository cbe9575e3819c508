import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS, chartOptionsOf } from '../../src/charts/declared.js';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { slideSections, visibleText } from '../text.js';

const run = promisify(execFile);

/** The README's "A whole deck" is what a newcomer copies first: it must build, and read as the README says. */
function readWholeDeckExample(): string {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### A whole deck'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md has no yaml block under "### A whole deck"');
  return block;
}

describe("the README's whole deck", () => {
  it('is a five-row deck with a table, a chart and two computed sentences in well under 80 lines', () => {
    const yaml = readWholeDeckExample();
    expect(yaml.split('\n').length).toBeLessThan(60);
    expect(yaml.match(/^ {2}- \{ name:/gm)?.length).toBe(5);
    expect(yaml).toContain('layout: table');
    expect(yaml).toContain('layout: chart');
  });

  it('builds as written, with its figures computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-readme-'));
    writeFileSync(join(dir, 'nube.yaml'), readWholeDeckExample());
    const result = await buildDeck(createTestOptions({ dataFile: join(dir, 'nube.yaml'), outDir: join(dir, 'out') }));
    expect(result.warnings).toEqual([]);
    const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    const text = visibleText(html);
    // 4.10 × 730 = 2.993 US$ a month, 0.53 × 730 = 386,9 US$: the ratio is 7,7, derived (≈) like its figures.
    expect(text).toContain('Proveedor A cuesta ≈ 7,7 veces lo que Proveedor E.');
    expect(text).toContain('Un mes de la GPU más cara cuesta ≈ 2.993 US$.');
    const table = slideSections(html).find((section) => section.includes('data-layout="table"')) ?? '';
    expect(visibleText(table)).toContain('Proveedor B A100 2,93 US$ ≈ 2.138,90 US$ 40 GB');
    // The editor schema the file's first line names was written next to it.
    expect(
      JSON.parse(readFileSync(join(dir, 'nube.schema.json'), 'utf8')).properties.rows.items.properties.pricePerHour.description,
    ).toContain('Precio por hora');
  });
});

describe("the README's chart vocabulary", () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Charts'), readme.indexOf('### Sentences with figures'));
  const examples = [...section.matchAll(/`chart: (\{ kind: [^`]+\})`/g)].map((match) => match[1] ?? '');

  it('shows one example of each kind', () => {
    const kinds = examples.map((example) => (parse(example) as { kind: string }).kind);
    expect(new Set(kinds)).toEqual(new Set(CHART_KINDS));
  });

  it.each(examples)('writes %s with options its kind takes', (example) => {
    const declared = parse(example) as Record<string, unknown>;
    const kind = String(declared.kind);
    expect(Object.keys(declared).filter((option) => !chartOptionsOf(kind).includes(option))).toEqual([]);
  });

  it('lists every option in its table', () => {
    const listed = [...section.matchAll(/^\| `([a-z]+)`(?:, `([a-z]+)`)? \|/gm)]
      .flatMap((match) => [match[1], match[2]])
      .filter((name) => name !== undefined);
    const options = new Set(CHART_KINDS.flatMap((kind) => chartOptionsOf(kind)).filter((option) => option !== 'kind'));
    expect(new Set(listed.filter((name) => options.has(name)))).toEqual(options);
  });
});

/** The README's spreadsheet section: its CSV block read by a deck as the section declares it, and its error as shown. */
function readSpreadsheetSection(): { csv: string; error: string } {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Rows from a spreadsheet'), readme.indexOf('### `slides`'));
  const csv = /```csv\n([\s\S]*?)```/.exec(section)?.[1];
  const error = /```\n(error\[[\s\S]*?)```/.exec(section)?.[1];
  if (csv === undefined || error === undefined) throw new Error("README.md's spreadsheet section has lost its csv or error block");
  return { csv, error };
}

const SHEET_DECK = `meta: { title: Costos, author: Ana, date: 2025-11-02 }
fields:
  name:           { type: text, label: Modelo }
  units:          { type: integer, label: Unidades }
  hardwareCost:   { type: money, label: Costo del hardware }
  trainingEnergy: { type: quantity, unit: MWh, label: Energía de entrenamiento }
rows: modelos.csv
slides:
  - layout: table
    title: Modelos
    columns: [name, units, hardwareCost, trainingEnergy]
`;

describe("the README's spreadsheet section", () => {
  it('reads its CSV as it says: ";" means decimal commas and thousands points, the header gives the unit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-readme-sheet-'));
    writeFileSync(join(dir, 'deck.yaml'), SHEET_DECK);
    writeFileSync(join(dir, 'modelos.csv'), readSpreadsheetSection().csv);
    await buildDeck(createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'out') }));
    const text = visibleText(readFileSync(join(dir, 'out', 'index.html'), 'utf8'));
    expect(text).toContain('GPT-4 10.000 80.000.000 US$ 1.200 MWh');
    expect(text).toContain('Mistral 7B 512 4.000.000 US$ 100 MWh');
  });

  it('shows the error a word in a figure cell gives, as the CLI prints it', async () => {
    const { csv, error } = readSpreadsheetSection();
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-readme-sheet-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'deck.yaml'), SHEET_DECK);
    writeFileSync(join(dir, 'data', 'modelos.csv'), csv.replace('Mistral 7B;512;', 'Mistral 7B;diez mil;'));
    const { stderr } = await run(process.execPath, [`${ROOT}lib/main.js`, 'check', '--data', 'data/deck.yaml'], { cwd: dir }).then(
      () => ({ stderr: 'it built' }),
      (failure: unknown) => ({
        stderr: typeof failure === 'object' && failure !== null && 'stderr' in failure ? String(failure.stderr) : String(failure),
      }),
    );
    expect(`${stderr.trimEnd()}\n`).toBe(error);
  });
});

describe("the README is a user's guide", () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');

  it('names no issue and no machine of ours: engineering detail lives in docs/', () => {
    expect(readme).not.toMatch(/\bissues? #?\d+\b/i);
    expect(readme).not.toMatch(/NODE_EXTRA_CA_CERTS|this machine|load average|shared VM/i);
    expect(readme).toContain('docs/performance.md');
  });

  it('links engineering docs that exist: architecture, extending, performance', () => {
    const links = [...readme.matchAll(/\]\((docs\/[^)]+\.md)\)/g)].map((match) => match[1] ?? '');
    expect(new Set(links)).toEqual(new Set(['docs/architecture.md', 'docs/extending.md', 'docs/performance.md']));
    for (const link of links) expect(existsSync(`${ROOT}${link}`), link).toBe(true);
  });
});
