import { messages, type MessageCatalogue } from '../errors/messages.js';
import { formatDataPath } from '../errors/report.js';
import type { Deck, PathSegment } from '../model.js';

/** One figure or text that differs between two builds, at its path in the data file. */
export interface DataChange {
  readonly path: readonly PathSegment[];
  /** undefined when the entry was added (before) or removed (after). */
  readonly before: unknown;
  readonly after: unknown;
  /** For a spreadsheet's cell: its place and column, which the change line names instead of the path. */
  readonly cell?: string | undefined;
}

/** The paths of data/deck.yaml whose values differ between two builds, in file order. */
export function diffDecks(before: Deck, after: Deck): DataChange[] {
  return diffValues(projectDeck(before), projectDeck(after), []).map((change) => {
    const [top, index, field] = change.path;
    if (top !== 'rows' || typeof index !== 'number') return change;
    const source = (after.rows[index] ?? before.rows[index])?.source;
    const where = source?.locate(typeof field === 'string' ? field : undefined);
    return where === undefined
      ? change
      : { ...change, cell: `${where.place.ref}${where.header === undefined ? '' : ` (${where.header})`}` };
  });
}

/**
 * The deck as the user wrote it: each row's given values (not what formulas computed), so an edit reads as the
 * one field that was typed, not its consequences; the slides as written, before tables are paged.
 */
function projectDeck(deck: Deck): Record<string, unknown> {
  return {
    meta: deck.meta,
    rows: deck.rows.map((row) => row.given),
    slides: deck.slides.map((slide) => slide.values),
  };
}

function diffValues(before: unknown, after: unknown, path: readonly PathSegment[]): DataChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffValues(before[index], after[index], [...path, index])).flat();
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValues(before[key], after[key], [...path, key]));
  }
  return [{ path, before, after }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What one rebuild did, for its line in the terminal. */
export interface RebuildSummary {
  readonly changes: readonly DataChange[];
  /** Template and chart files saved since the last build, shown when the data did not change. */
  readonly files: readonly string[];
  readonly slideCount: number;
  readonly chartCount: number;
  readonly ms: number;
}

const SHOWN_CHANGES = 2;
const SHOWN_VALUE_LENGTH = 32;

/** `rows[4].units 2000 → 2400 · 2 slides, 1 chart · 18 ms`; several changes read "3 changes: a, b, …". */
export function formatRebuildLine(summary: RebuildSummary, say: MessageCatalogue = messages): string {
  const { changes, files, slideCount, chartCount } = summary;
  const time = `${Math.round(summary.ms)} ms`;
  if (changes.length === 0 && files.length === 0 && slideCount === 0 && chartCount === 0) return `${say.rebuildNoChanges()} · ${time}`;
  const what =
    changes.length > 0
      ? describeList(
          changes.map((change) => formatChange(change, say)),
          'changes',
          say,
        )
      : describeList(files, 'files', say);
  return [what || say.rebuildNoDataChanges(), say.rebuildCounts(slideCount, chartCount), time].join(' · ');
}

function describeList(items: readonly string[], kind: 'changes' | 'files', say: MessageCatalogue): string {
  if (items.length <= 1) return items[0] ?? '';
  const shown = items.slice(0, SHOWN_CHANGES).join(', ');
  return say.rebuildList(items.length, kind, `${shown}${items.length > SHOWN_CHANGES ? ', …' : ''}`);
}

export function formatChange(change: DataChange, say: MessageCatalogue = messages): string {
  const path = change.cell ?? formatDataPath(change.path);
  if (change.before === undefined) return say.rebuildAdded(path);
  if (change.after === undefined) return say.rebuildRemoved(path);
  // A spreadsheet cell is shown as it reads in the spreadsheet, without the quotes YAML text would need.
  const isCell = change.cell !== undefined;
  return `${path} ${formatValue(change.before, isCell)} → ${formatValue(change.after, isCell)}`;
}

function formatValue(value: unknown, isCell: boolean): string {
  const text =
    typeof value === 'number' || typeof value === 'boolean' || (isCell && typeof value === 'string')
      ? String(value)
      : (JSON.stringify(value) ?? String(value));
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}

/** Slides whose HTML differs from the previous build's, counting slides added or removed. */
export function countChangedSlides(before: readonly string[], after: readonly string[]): number {
  const length = Math.max(before.length, after.length);
  return Array.from({ length }, (_, index) => before[index] !== after[index]).filter(Boolean).length;
}
