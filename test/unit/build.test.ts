import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { DeckError } from '../../src/errors/deck-error.js';
import { messages } from '../../src/errors/messages.js';
import { createTestOptions, DEFAULT_DATA, readDefaultText, ROOT } from '../helpers.js';

const run = promisify(execFile);
const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `datadeck-${prefix}-`));

async function buildInto(outDir: string, dataFile = DEFAULT_DATA, overrides = {}) {
  return buildDeck(createTestOptions({ dataFile, outDir, ...overrides }));
}

/** A data file in `dir`, as `datadeck new` would leave a deck. */
function writeDeckFile(dir: string, text: string): string {
  const dataFile = join(dir, 'deck.yaml');
  writeFileSync(dataFile, text);
  return dataFile;
}

describe('buildDeck', () => {
  it('writes byte-identical output for identical input, from empty caches (charts and font subsets made twice)', async () => {
    const first = tempDir('a');
    const second = tempDir('b');
    await buildInto(first, DEFAULT_DATA, { cacheDir: undefined });
    await buildInto(second, DEFAULT_DATA, { cacheDir: undefined });
    expect(readFileSync(join(first, 'index.html'))).toEqual(readFileSync(join(second, 'index.html')));
  });

  it('keeps the previous deck when a later build fails, and leaves no temp file', async () => {
    const outDir = tempDir('atomic');
    const dataFile = writeDeckFile(outDir, readDefaultText());
    await buildInto(outDir, dataFile);
    const good = readFileSync(join(outDir, 'index.html'), 'utf8');
    writeFileSync(dataFile, readDefaultText().replace('units: 10000', 'units: diez mil'));
    await expect(buildInto(outDir, dataFile)).rejects.toBeInstanceOf(DeckError);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe(good);
    // The editor schema the data file names on its first line is written beside it; nothing else.
    expect(readdirSync(outDir).sort()).toEqual(['deck.schema.json', 'deck.yaml', 'index.html']);
  });

  it('writes one self-contained file that fetches nothing from the network', async () => {
    const outDir = tempDir('offline');
    await buildInto(outDir);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).toContain('Reveal.initialize');
    expect(html.match(/<svg\b/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('follows a figure edit everywhere: table, chart and sentences', async () => {
    const outDir = tempDir('edit');
    const dataFile = writeDeckFile(outDir, readDefaultText().replace('hardwareCost: 4000000\n', 'hardwareCost: 8000000\n'));
    await buildInto(outDir, dataFile);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('8 millones');
    expect(html).not.toMatch(/\b4 millones/);
    expect(html).toContain('costó 10 veces más que Mistral 7B');
  });

  it('escapes text from the data in slides, notes and attributes', async () => {
    const outDir = tempDir('escape');
    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const text = readDefaultText()
      // A row's value is data, never a template: its {{…}} stays text.
      .replace('comment: Usa hardware propio de Google.', `comment: '${hostile.replace(/'/g, "''")}{{meta.title}}'`)
      .replace('name: Gemini 1.5', `name: '<img src=y onerror=alert(3)>'`)
      .replace('author: Luis Alexander Lema Delgado', `author: '${hostile}'`);
    const dataFile = writeDeckFile(outDir, text);
    await buildInto(outDir, dataFile);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<img src=y');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&lt;img src&#x3D;y onerror&#x3D;alert(3)&gt;');
    expect(html).toContain('{{meta.title}}');
  });

  it('leaves every speaker note out of a public build', async () => {
    const outDir = tempDir('public');
    await buildInto(outDir, DEFAULT_DATA, { isPublic: true });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toContain('class="notes"');
    expect(html).not.toContain('entrenar es estudiar todo el semestre');
  });
});

describe('the datadeck command', () => {
  const cli = (...args: string[]) => run(process.execPath, [`${ROOT}lib/main.js`, ...args], { cwd: ROOT });

  it('builds any data file into any folder and ends with one summary line', async () => {
    const outDir = tempDir('cli');
    const { stdout } = await cli('build', '--data', 'data/deck.yaml', '--out', outDir);
    expect(stdout).toMatch(new RegExp(`^✔ ${outDir}/index.html · \\d+ kB · 12 slides · 5 charts · \\d+ ms\\n$`));
  });

  it('refuses an option the command does not take, naming the commands that take it (exit 2)', async () => {
    const failure: unknown = await cli('build', '--notes', '--port', '9').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    const stderr = typeof failure === 'object' && failure !== null && 'stderr' in failure ? String(failure.stderr) : '';
    expect(stderr).toContain(messages.optionNotForCommand('notes', 'build', ['pdf']).message);
    expect(stderr).toContain('--notes is for datadeck pdf');
  });

  it('checks the data without building', async () => {
    const { stdout } = await cli('check');
    expect(stdout).toBe('✔ data/deck.yaml: 5 rows, 12 slides, no errors\n');
  });

  it('prints help and version', async () => {
    expect((await cli('--help')).stdout).toContain('datadeck check');
    const manifest: unknown = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : '';
    expect((await cli('--version')).stdout).toBe(`datadeck ${version}\n`);
  });
});
