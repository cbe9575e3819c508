import type { Loader, Runtime } from 'vega';
import type { Config, TopLevelSpec } from 'vega-lite';
import { compactSvg } from './compact-svg.js';

/** vega and vega-lite, imported once per build and only when the deck has a chart (they cost ~300 ms to load). */
export interface ChartLibraries {
  readonly vega: typeof import('vega');
  readonly vegaLite: typeof import('vega-lite');
}

export async function loadChartLibraries(): Promise<ChartLibraries> {
  const { vega, vegaLite } = await import('./chart-libraries.js');
  return { vega, vegaLite };
}

const VIEW_KEYS = ['mark', 'layer', 'facet', 'repeat', 'concat', 'hconcat', 'vconcat'];

// Shape checks only, at the boundary: vega-lite's compile judges the rest, and its errors name the chart's file.
export function isVegaLiteSpec(value: unknown): value is TopLevelSpec {
  return isJsonObject(value) && VIEW_KEYS.some((key) => Object.hasOwn(value, key));
}

// Every config property is optional and vega-lite ignores keys it does not know, so any JSON object is a config.
export function isVegaLiteConfig(value: unknown): value is Config {
  return isJsonObject(value);
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The dataset a compiled chart reads its rows from: rows are inserted per render, so the spec compiles once.
const ROWS = 'rows';

/** A Vega-Lite spec compiled and parsed for vega, without data: made once per spec, theme and locale. */
export interface CompiledChart {
  readonly runtime: Runtime;
  /** False when every layer names data of its own, so vega-lite left the rows out. */
  readonly readsRows: boolean;
  /** What vega-lite dropped or changed while compiling ("Dropping sort property…"): the author should know. */
  readonly warnings: readonly string[];
}

export function compileChart(options: { libraries: ChartLibraries; spec: TopLevelSpec; config: Config }): CompiledChart {
  const { vega, vegaLite } = options.libraries;
  const warnings: string[] = [];
  const logger = createStrictLogger(options.libraries, warnings);
  const { spec } = vegaLite.compile({ ...options.spec, data: { name: ROWS } }, { config: options.config, logger });
  return { runtime: vega.parse(spec), readsRows: (spec.data ?? []).some((data) => data.name === ROWS), warnings: [...new Set(warnings)] };
}

/** Renders a compiled chart with these rows to an SVG string, without a browser. */
export async function renderChartSvg(options: {
  libraries: ChartLibraries;
  compiled: CompiledChart;
  values: readonly object[];
  idPrefix: string;
}): Promise<string> {
  const { vega } = options.libraries;
  const logger = createStrictLogger(options.libraries);
  const { loader, refused } = createOfflineLoader();
  const view = new vega.View(options.compiled.runtime, { renderer: 'none', loader, logger });
  try {
    // vega ingests rows by writing into them, so each render gets its own copies.
    if (options.compiled.readsRows)
      view.data(
        ROWS,
        options.values.map((row) => ({ ...row })),
      );
    const svg = await view.toSVG();
    // vega only warns when a load fails and draws the chart without that data; a chart missing data is an error.
    if (refused.length > 0) {
      const uris = refused.map((uri) => `"${uri}"`).join(', ');
      throw new Error(`the spec asks to load ${uris}; charts are rendered offline, from the deck's data only`);
    }
    return compactSvg(scopeSvgIds(svg, options.idPrefix));
  } finally {
    view.finalize();
  }
}

// vega only logs some failures (a bad expression in a mark) and renders on; an error becomes an exception here.
// Warnings are collected when asked for (vega-lite's compile), to reach the author as build warnings.
function createStrictLogger({ vega }: ChartLibraries, warnings?: string[]) {
  return vega.logger(warnings === undefined ? vega.Error : vega.Warn, 'error', (_method, level, args) => {
    const [first] = args;
    if (level === 'WARN') {
      warnings?.push(args.map(String).join(' '));
      return;
    }
    throw args.length === 1 && first instanceof Error ? first : new Error(args.map(String).join(' '));
  });
}

// vega's own loader would fetch URLs and read files (data, images, links); builds must stay offline.
function createOfflineLoader(): { loader: Loader; refused: string[] } {
  const refused: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`charts are rendered offline, so "${uri}" was not loaded`));
  };
  return { loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse }, refused };
}

/**
 * Renames every id defined in the SVG (vega's clip paths and gradients) to `<prefix>-<kind>-<n>`, numbered by
 * first appearance, and rewrites the references to match. All charts share one HTML document, so ids must not
 * collide between charts, and numbering by position keeps the output independent of vega's global id counters.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const renames = new Map<string, string>();
  // vega escapes "<" and ">" in text and attribute values (and '"' in values), so /<[^>]*>/ matches real tags only.
  for (const tag of svg.match(/<[^>]*>/g) ?? []) {
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    if (id !== undefined && !renames.has(id)) {
      renames.set(id, `${prefix}-${id.replace(/[-_]?\d+$/, '') || 'def'}-${renames.size + 1}`);
    }
  }
  if (renames.size === 0) return svg;
  return svg.replace(/<[^>]*>/g, (tag) =>
    tag.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (match: string, lead: string, id: string) => {
      const renamed = renames.get(id);
      return renamed === undefined ? match : `${lead}${renamed}`;
    }),
  );
}
