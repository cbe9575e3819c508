import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCodeStamp } from './code-stamp.js';
import { z } from 'zod';
import { messages } from '../errors/messages.js';
import type { RenderedChart, StoredCache } from '../model.js';
import { PACKAGE_ROOT } from '../options.js';

/** The one file of the cache folder; write.ts writes it, atomically. */
export const CACHE_FILE = 'build-cache.json';
// Bump when the file's shape changes, or what it stores is made differently (8: charts carry a narrow SVG for the
// reading view): an older file is then set aside silently, like one from another version.
const CACHE_FORMAT = 8;

const ChartSchema = z.strictObject({
  id: z.string(),
  warnings: z.array(z.string()),
  svg: z.string().startsWith('<svg'),
  narrowSvg: z.string().startsWith('<svg').optional(),
  summary: z.string(),
  table: z.strictObject({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
});

const StampSchema = z.object({ stamp: z.string() });

export const CacheFileSchema = z.strictObject({
  stamp: z.string(),
  charts: z.record(z.string(), ChartSchema),
  fonts: z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)),
  templates: z.record(z.string(), z.string()),
  // Checked where they are used (stored-analyses.ts): a stale or odd entry is made again, never trusted.
  layouts: z.record(z.string(), z.unknown()),
  sentences: z.record(z.string(), z.unknown()),
});

/** The file as written: what the schema reads back. */
export interface CacheFile {
  readonly stamp: string;
  readonly charts: Readonly<Record<string, RenderedChart>>;
  readonly fonts: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
  readonly layouts: Readonly<Record<string, unknown>>;
  readonly sentences: Readonly<Record<string, unknown>>;
}

/** What earlier builds left in `cacheDir`; a missing, foreign or broken cache reads as empty (the last with a note). */
export async function loadCache(cacheDir: string | undefined): Promise<StoredCache> {
  const stamp = await readStamp();
  const empty: StoredCache = { stamp, charts: new Map(), fonts: new Map(), templates: new Map(), layouts: new Map(), sentences: new Map() };
  if (cacheDir === undefined) return empty;
  const file = join(cacheDir, CACHE_FILE);
  let text: string;
  try {
    // Synchronous like the rest of load: one small file, no thread-pool round trips.
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    // No cache yet is the normal first build, not worth a note.
    return code === 'ENOENT' ? empty : { ...empty, problem: cacheProblem(file, code || 'unreadable') };
  }
  const json = parseJson(text);
  // Another datadeck version or another vega may draw differently: its charts are not reused (and no note: expected).
  const written = StampSchema.safeParse(json, { jitless: true });
  if (written.success && written.data.stamp !== stamp) return empty;
  const parsed = CacheFileSchema.safeParse(json, { jitless: true }); // jitless: one parse per run, see validate.ts
  if (!parsed.success) return { ...empty, problem: cacheProblem(file, 'it is not a datadeck cache, or it was cut short') };
  const { charts, fonts, templates, layouts, sentences } = parsed.data;
  const map = <T>(record: Readonly<Record<string, T>>) => new Map(Object.entries(record));
  return { stamp, charts: map(charts), fonts: map(fonts), templates: map(templates), layouts: map(layouts), sentences: map(sentences) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A broken file is reported by the schema check that follows, as "not a datadeck cache".
    return undefined;
  }
}

function cacheProblem(file: string, reason: string) {
  return { code: 'cache' as const, ...messages.cacheUnreadable(file, reason), file };
}

// The dependencies are pinned to exact versions, so the manifest names the vega, vega-lite and subsetter that drew.
// Read once per process: the code that runs does not change under it, and a dev server rebuilds ~0.7 ms sooner.
async function readStamp(): Promise<string> {
  stampOfThisProcess ??= readStampOnce();
  return stampOfThisProcess;
}

let stampOfThisProcess: string | undefined;

function readStampOnce(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const ManifestSchema = z.object({ version: z.string(), dependencies: z.record(z.string(), z.string()).default({}) });
  const { version, dependencies } = ManifestSchema.parse(manifest, { jitless: true });
  // A rebuilt datadeck may draw charts differently under the same version number: the content of its code is part
  // of the stamp, so SVGs rendered by older code are never reused (a timestamp missed edits under the test suite).
  const code = readCodeStamp(PACKAGE_ROOT, fileURLToPath(import.meta.url).endsWith('.ts'));
  return JSON.stringify({ cache: CACHE_FORMAT, datadeck: version, code, ...dependencies });
}
