import { formatDataPath } from '../errors/report.js';
import type { Deck, ModelFigures, PathSegment } from '../model.js';
import type { Energy } from '../format/energy.js';

/** One figure or text that differs between two builds, at its path in the data file. */
export interface DataChange {
  readonly path: readonly PathSegment[];
  /** undefined when the entry was added (before) or removed (after). */
  readonly before: unknown;
  readonly after: unknown;
}

/** The paths of data/deck.yaml whose values differ between two builds, in file order. */
export function diffDecks(before: Deck, after: Deck): DataChange[] {
  return diffValues(projectDeck(before), projectDeck(after), []);
}

/**
 * The deck as the user wrote it: derived figures (a price computed from the total, the table's label) and the
 * table's pages left out, so an edit reads as the one field that was typed, not its consequences.
 */
function projectDeck(deck: Deck): Record<string, unknown> {
  const slides = deck.slides.filter((slide, index) => deck.slides[index - 1]?.sourceIndex !== slide.sourceIndex);
  return {
    meta: { ...deck.meta, date: deck.meta.date.toISOString().slice(0, 10) },
    models: deck.models.map(projectModel),
    slides: slides.map((slide) => Object.fromEntries(Object.entries(slide).filter(([key]) => !DERIVED_SLIDE_KEYS.has(key)))),
  };
}

// Added by derive: where the slide came from and which rows a table page holds.
const DERIVED_SLIDE_KEYS = new Set(['sourceIndex', 'page']);

function projectModel(model: ModelFigures): Record<string, unknown> {
  const months = model.trainingMonths.min === model.trainingMonths.max ? model.trainingMonths.min : model.trainingMonths;
  return {
    name: model.name,
    label: model.label,
    organization: model.organization,
    accelerator: model.accelerator,
    units: model.units,
    unitPriceUsd: model.isUnitPriceDerived ? undefined : model.unitPriceUsd,
    hardwareCostUsd: model.isHardwareCostDerived ? undefined : model.hardwareCostUsd,
    trainingMonths: months,
    trainingEnergy: writeEnergy(model.trainingEnergy),
    inferenceEnergy: writeEnergy(model.inferenceEnergy),
    comment: model.comment,
    sources: model.sources,
  };
}

// As the data file writes it, "1.2 GWh", so the change line quotes what the user typed.
function writeEnergy(energy: Energy): string {
  return `${energy.value} ${energy.unit}`;
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

/** `models[4].units 2000 → 2400 · 2 slides, 1 chart · 18 ms`; several changes read "3 changes: a, b, …". */
export function formatRebuildLine(summary: RebuildSummary): string {
  const { changes, files, slideCount, chartCount } = summary;
  const time = `${Math.round(summary.ms)} ms`;
  if (changes.length === 0 && files.length === 0 && slideCount === 0 && chartCount === 0) return `no changes · ${time}`;
  const what = changes.length > 0 ? describeList(changes.map(formatChange), 'changes') : describeList(files, 'files');
  const counts = [plural(slideCount, 'slide'), ...(chartCount > 0 ? [plural(chartCount, 'chart')] : [])].join(', ');
  return [what || 'no data changes', counts, time].join(' · ');
}

function describeList(items: readonly string[], noun: string): string {
  if (items.length <= 1) return items[0] ?? '';
  const shown = items.slice(0, SHOWN_CHANGES).join(', ');
  return `${items.length} ${noun}: ${shown}${items.length > SHOWN_CHANGES ? ', …' : ''}`;
}

export function formatChange(change: DataChange): string {
  const path = formatDataPath(change.path);
  if (change.before === undefined) return `${path} added`;
  if (change.after === undefined) return `${path} removed`;
  return `${path} ${formatValue(change.before)} → ${formatValue(change.after)}`;
}

function formatValue(value: unknown): string {
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Slides whose HTML differs from the previous build's, counting slides added or removed. */
export function countChangedSlides(before: readonly string[], after: readonly string[]): number {
  const length = Math.max(before.length, after.length);
  return Array.from({ length }, (_, index) => before[index] !== after[index]).filter(Boolean).length;
}
