import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { DeckError, isDeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import { loadProject, loadsFromNetwork, parseData } from '../../../src/data/load.js';
import { createTestOptions, DEFAULT_DATA, readDefaultText, ROOT } from '../../helpers.js';

/** A copy of templates/ with one extra theme, and a data file that asks for it. */
function projectWithTheme(name: string, css: string) {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-theme-'));
  const templatesDir = join(dir, 'templates');
  cpSync(`${ROOT}templates`, templatesDir, { recursive: true });
  writeFileSync(join(templatesDir, 'themes', `${name}.css`), css);
  const dataFile = join(dir, 'deck.yaml');
  writeFileSync(dataFile, readDefaultText().replace('theme: aula', `theme: ${name}`));
  return createTestOptions({ dataFile, templatesDir, outDir: join(dir, 'dist') });
}

async function loadError(options: ReturnType<typeof createTestOptions>): Promise<DeckError> {
  try {
    await loadProject(options);
  } catch (error) {
    if (error instanceof DeckError) return error;
    throw error;
  }
  throw new Error('loadProject accepted the project');
}

describe('themes work offline or are refused', () => {
  it('recognises CSS that would fetch from the network', () => {
    expect(loadsFromNetwork('@import "https://fonts.googleapis.com/css?family=Lato";')).toBe(true);
    expect(loadsFromNetwork("@import url('//fonts.example.com/a.css');")).toBe(true);
    expect(loadsFromNetwork('@font-face { src: url(https://example.com/font.woff2) }')).toBe(true);
    expect(loadsFromNetwork('@font-face { src: url(data:font/woff2;base64,AAAA) } :root { --x: 1 }')).toBe(false);
  });

  it('refuses a theme that @imports web fonts, listing the themes that work offline', async () => {
    const error = await loadError(
      projectWithTheme('web', '@import "https://fonts.googleapis.com/css?family=Lato";\n.reveal { color: red }'),
    );
    expect(error.problems).toMatchObject([{ code: 'theme', ...messages.onlineTheme('web', ['aula']), dataPath: ['meta', 'theme'] }]);
    expect(error.problems[0]?.line).toBeGreaterThan(0);
  });

  it('accepts a theme dropped into templates/themes/', async () => {
    const project = await loadProject(projectWithTheme('oscuro', '.reveal { color: white }'));
    expect(project.assets.themeName).toBe('oscuro');
    expect(project.assets.themeCss).toContain('.reveal { color: white }');
  });
});

const fixtures = [
  DEFAULT_DATA,
  ...readdirSync(`${ROOT}test/fixtures/decks`)
    .map((name) => join(ROOT, 'test/fixtures/decks', name, 'deck.yaml'))
    .filter((file) => readdirSync(join(file, '..')).includes('deck.yaml')),
  ...readdirSync(`${ROOT}test/fixtures/invalid`)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(ROOT, 'test/fixtures/invalid', name)),
];

/** What `yaml` alone makes of a text: its value, or its first error. */
function parseWithYamlOnly(text: string): { value: unknown } | { error: string } {
  const document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return { error: 'syntax' };
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { error: 'aliases' };
  }
}

describe('parseData', () => {
  it.each(fixtures.map((file) => [file.slice(ROOT.length), file]))('reads %s exactly as the yaml package does', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const expected = parseWithYamlOnly(text);
    let actual: { value: unknown } | { error: string };
    try {
      actual = { value: parseData(text, 'deck.yaml').value };
    } catch (error) {
      actual = { error: isDeckError(error) && error.problems[0]?.message.includes('aliases') ? 'aliases' : 'syntax' };
    }
    expect(actual).toEqual(expected);
  });

  it('locates a problem in a plain file (read by the fast parser) on its line and column', () => {
    const data = parseData('meta:\n  title: Costos\nmodels:\n  - name: GPT-4\n    units: diez mil\n', 'deck.yaml');
    expect(data.locate(['models', 0, 'units'])).toEqual({ line: 5, column: 12, length: 8 });
    expect(data.locateKey(['models', 0], 'units')).toMatchObject({ line: 5, column: 5 });
  });

  it('reads YAML 1.2 scalars the same either way: dates stay text, yes stays text, 0x10 is a number', () => {
    const text = 'date: 2025-11-02\nanswer: yes\nhex: 0x10\nnothing: ~\nratio: .5\n';
    expect({ value: parseData(text, 'deck.yaml').value }).toEqual(parseWithYamlOnly(text));
    expect(parseData(text, 'deck.yaml').value).toEqual({ date: '2025-11-02', answer: 'yes', hex: 16, nothing: null, ratio: 0.5 });
  });
});
