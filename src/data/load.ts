import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { Assets, ParsedData, Project, TemplateSources } from '../model.js';
import type { BuildOptions } from '../options.js';
import { findFontUrls } from '../page/fonts.js';
import { loadCache } from '../cache/load-cache.js';
import { parseData } from './parse-data.js';
import { loadSheet } from './sheet/load-sheet.js';
import { loadReferences } from '../cite/load-references.js';

export { parseData };

const require = createRequire(import.meta.url);
// A build reads ~30 small files; read one by one, synchronously, they take ~2 ms, where async reads spent ~8 ms
// on thread-pool round trips (open, stat, read, close each). The promises keep the stage's shape.
const readFile: (file: string, encoding: 'utf8') => Promise<string> = async (file, encoding) => readFileSync(file, encoding);
const readBytes = async (file: string): Promise<Buffer> => readFileSync(file);
const readdir = async (dir: string): Promise<string[]> => readdirSync(dir);
const DEFAULT_THEME = 'aula';

/**
 * Every file read of a build happens here: the data, the spreadsheet its rows: names, the templates, the chart specs, the theme, its fonts,
 * reveal.js and the build cache (skipped with `isCacheRead: false` by a process that keeps its own in memory).
 */
export async function loadProject(options: BuildOptions, { isCacheRead = true } = {}): Promise<Project> {
  const dataFile = displayPath(options.dataFile);
  const dataText = await readDataFile(options.dataFile, dataFile);
  const data = parseData(dataText, dataFile);
  const [sheet, references, templates, charts, assets, cache] = await Promise.all([
    loadSheet({ data, dataFile: options.dataFile, shownDataFile: dataFile }),
    loadReferences({ data, dataFile: options.dataFile, shownDataFile: dataFile, templatesDir: options.templatesDir }),
    loadTemplates(options.templatesDir, join(dirname(options.dataFile), 'layouts')),
    loadChartSpecs([join(dirname(options.dataFile), 'charts'), join(options.templatesDir, 'charts')]),
    loadAssets(options.templatesDir, data, dataFile),
    loadCache(isCacheRead ? options.cacheDir : undefined),
  ]);
  return {
    dataFile,
    dataText,
    data,
    sheet,
    references,
    templates,
    charts: charts.specs,
    chartConfig: assets.chartConfig,
    assets: assets.assets,
    cache,
    schema: readSchemaFile(options.dataFile, dataText),
  };
}

/**
 * The editor schema the data file's first line names (`# yaml-language-server: $schema=./deck.schema.json`), as it
 * is on disk now: the build rewrites it when the deck's fields or layouts changed, so completion stays current.
 */
function readSchemaFile(dataFile: string, dataText: string): Project['schema'] {
  const named = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(dataText.slice(0, 500))?.[1];
  // Only a <name>.schema.json beside the data file: a comment must never make the build write anywhere else.
  if (named === undefined || !/^(\.\/)?[^/\\]+\.schema\.json$/.test(named)) return undefined;
  const file = join(dirname(dataFile), named);
  // The file starts with the key it was made from ("$comment"): its first bytes are all a build needs to read.
  let head: string | undefined;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const buffer = Buffer.alloc(SCHEMA_HEAD_BYTES);
    head = buffer.toString('utf8', 0, readSync(descriptor, buffer, 0, SCHEMA_HEAD_BYTES, 0));
  } catch {
    // No schema file yet: the build writes it.
    head = undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  return { file, head };
}

const SCHEMA_HEAD_BYTES = 200;

function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path;
}

async function readDataFile(file: string, shown: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const message =
      code === 'ENOENT'
        ? messages.fileMissing(shown)
        : messages.fileUnreadable(shown, code === 'EISDIR' ? 'it is a folder' : code || 'unknown error');
    throw new DeckError({ code: 'file', ...message, file: shown }, { cause: error });
  }
  if (text.trim() === '' || text.split('\n').every((line) => line.trim() === '' || line.trimStart().startsWith('#'))) {
    throw new DeckError({ code: 'file', ...messages.fileEmpty(shown), file: shown });
  }
  return text;
}

/** The shell, partials and layouts; a deck's own layouts/ folder, next to its data file, adds layouts or replaces them. */
async function loadTemplates(dir: string, deckLayoutsDir: string): Promise<TemplateSources> {
  const [shell, layouts, deckLayouts, partials] = await Promise.all([
    readFile(join(dir, 'deck.hbs'), 'utf8'),
    readNamedFiles(join(dir, 'layouts'), '.hbs'),
    readNamedFiles(deckLayoutsDir, '.hbs'),
    readNamedFiles(join(dir, 'partials'), '.hbs'),
  ]);
  return { shell, layouts: new Map([...layouts, ...deckLayouts]), partials };
}

/** Chart specs by name: charts/ next to the data file first (a deck's own charts), then templates/charts/. */
async function loadChartSpecs(dirs: readonly string[]): Promise<{ specs: Map<string, unknown> }> {
  const specs = new Map<string, unknown>();
  for (const dir of dirs) {
    const sources = await readNamedFiles(dir, '.vl.json');
    for (const [name, source] of sources)
      if (!specs.has(name)) specs.set(name, parseJson(source, displayPath(join(dir, `${name}.vl.json`))));
  }
  return { specs };
}

/** A folder's files ending in `extension`, keyed by file name without it, in a stable order. */
async function readNamedFiles(dir: string, extension: string): Promise<Map<string, string>> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(extension)).sort();
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return new Map(names.map((name, index) => [basename(name, extension), contents[index] ?? '']));
}

// The same text gives the same object: chart specs keep their identity across a dev session's rebuilds, so the work
// keyed by them (charts.ts) is done once. Parsed JSON is never changed by the build.
const parsedJson = new Map<string, unknown>();
const PARSED_JSON_KEPT = 64;

function parseJson(source: string, file: string): unknown {
  const known = parsedJson.get(source);
  if (known !== undefined) return known;
  try {
    const parsed: unknown = JSON.parse(source);
    if (parsedJson.size >= PARSED_JSON_KEPT) parsedJson.delete(parsedJson.keys().next().value ?? '');
    parsedJson.set(source, parsed);
    return parsed;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DeckError({ code: 'chart', ...messages.chartSpec(basename(file, '.vl.json'), detail), file }, { cause: error });
  }
}

interface LoadedAssets {
  readonly assets: Assets;
  readonly chartConfig: unknown;
}

async function loadAssets(templatesDir: string, data: ParsedData, dataFile: string): Promise<LoadedAssets> {
  const themeName = requestedTheme(data.value);
  const themesDir = join(templatesDir, 'themes');
  const themes = await readNamedFiles(themesDir, '.css');
  const themeCss = themes.get(themeName);
  const offline = [...themes].filter(([, css]) => !loadsFromNetwork(css)).map(([name]) => name);
  // Located only when there is a problem: locating parses the data file again, with positions.
  const where = () => ({ file: dataFile, ...data.locate(['meta', 'theme']), dataPath: ['meta', 'theme'] });
  if (themeCss === undefined) throw new DeckError({ code: 'theme', ...messages.unknownTheme(themeName, [...themes.keys()]), ...where() });
  if (loadsFromNetwork(themeCss)) throw new DeckError({ code: 'theme', ...messages.onlineTheme(themeName, offline), ...where() });
  const [revealCss, revealJs, notesJs, chartConfigText, fonts] = await Promise.all([
    readFile(require.resolve('reveal.js/reveal.css'), 'utf8'),
    readFile(require.resolve('reveal.js'), 'utf8'),
    readFile(require.resolve('reveal.js/plugin/notes'), 'utf8'),
    readFile(join(themesDir, `${themeName}.vl-config.json`), 'utf8').catch(() => '{}'),
    readThemeFonts(themesDir, themeName, themeCss),
  ]);
  const chartConfig = parseJson(chartConfigText, join('templates', 'themes', `${themeName}.vl-config.json`));
  return { assets: { revealCss, revealJs, notesJs, themeCss, themeName, fonts }, chartConfig };
}

/** The font files the theme's @font-face rules name: "./x.woff2" next to the theme, "package/file.woff2" in node_modules. */
async function readThemeFonts(themesDir: string, themeName: string, css: string): Promise<Map<string, Uint8Array>> {
  const file = join('templates', 'themes', `${themeName}.css`);
  const read = async (url: string): Promise<[string, Uint8Array]> => {
    const path = url.startsWith('.') ? join(themesDir, url) : resolvePackageFile(url);
    try {
      if (path === undefined) throw new Error(`no installed package has ${url}`);
      return [url, await readBytes(path)];
    } catch (error) {
      throw new DeckError({ code: 'theme', ...messages.themeFont(file, url), file }, { cause: error });
    }
  };
  return new Map(await Promise.all(findFontUrls(css).map(read)));
}

function resolvePackageFile(url: string): string | undefined {
  try {
    return require.resolve(url);
  } catch {
    // Reported by the caller, which names the theme and the url.
    return undefined;
  }
}

function requestedTheme(value: unknown): string {
  if (typeof value !== 'object' || value === null || !('meta' in value)) return DEFAULT_THEME;
  const meta: unknown = value.meta;
  if (typeof meta !== 'object' || meta === null || !('theme' in meta)) return DEFAULT_THEME;
  return typeof meta.theme === 'string' && /^[a-z0-9-]+$/.test(meta.theme) ? meta.theme : DEFAULT_THEME;
}

/** A theme that @imports or url()s a remote address would make the deck fetch from the network. */
export function loadsFromNetwork(css: string): boolean {
  return /@import\s+(url\()?\s*["']?(https?:)?\/\//i.test(css) || /url\(\s*["']?(https?:)?\/\//i.test(css);
}
