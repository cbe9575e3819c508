import { createHash } from 'node:crypto';
import type { KeyShape, KeyUse, LayoutKeys } from '../slides/layout-keys.js';
import type { LayoutInfo } from '../slides/layouts.js';
import type { TemplateSources } from '../model.js';

/**
 * Layout analyses and parsed sentences as the cache file keeps them: Handlebars' parser is the slowest part of a
 * cold check (~20-30 ms for the layouts and the deck's sentences), and both depend on text that rarely changes.
 */

/** What the layouts' analysis depends on: every layout and partial. */
export function layoutsKey(sources: TemplateSources): string {
  return createHash('sha256')
    .update(JSON.stringify([[...sources.layouts], [...sources.partials]]))
    .digest('hex');
}

export function storeLayouts(layouts: ReadonlyMap<string, LayoutInfo>): unknown {
  return [...layouts].map(([name, info]) => ({
    name,
    description: info.keys.description,
    keys: storeKeys(info.keys.keys),
    showsTable: info.showsTable,
    showsChart: info.showsChart,
  }));
}

function storeKeys(keys: ReadonlyMap<string, KeyUse>): unknown {
  return [...keys].map(([key, use]) => [key, { shape: storeShape(use.shape), isRequired: use.isRequired, description: use.description }]);
}

function storeShape(shape: KeyShape): unknown {
  switch (shape.kind) {
    case 'list':
      return { kind: 'list', item: storeShape(shape.item) };
    case 'map':
      return { kind: 'map', keys: storeKeys(shape.keys) };
    default:
      return shape;
  }
}

/** The stored layouts, or undefined when anything in them is not what storeLayouts wrote (then they are analysed again). */
export function reviveLayouts(stored: unknown): Map<string, LayoutInfo> | undefined {
  if (!Array.isArray(stored)) return undefined;
  const layouts = new Map<string, LayoutInfo>();
  for (const entry of stored) {
    if (
      !isRecord(entry) ||
      typeof entry.name !== 'string' ||
      typeof entry.showsTable !== 'boolean' ||
      typeof entry.showsChart !== 'boolean'
    )
      return undefined;
    const keys = reviveKeys(entry.keys);
    if (keys === undefined) return undefined;
    const described: LayoutKeys =
      typeof entry.description === 'string' ? { name: entry.name, description: entry.description, keys } : { name: entry.name, keys };
    layouts.set(entry.name, { keys: described, showsTable: entry.showsTable, showsChart: entry.showsChart });
  }
  return layouts;
}

function reviveKeys(stored: unknown): Map<string, KeyUse> | undefined {
  if (!Array.isArray(stored)) return undefined;
  const keys = new Map<string, KeyUse>();
  for (const entry of stored) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isRecord(entry[1]) || typeof entry[1].isRequired !== 'boolean')
      return undefined;
    const shape = reviveShape(entry[1].shape);
    if (shape === undefined) return undefined;
    const description = entry[1].description;
    keys.set(
      entry[0],
      typeof description === 'string'
        ? { shape, isRequired: entry[1].isRequired, description }
        : { shape, isRequired: entry[1].isRequired },
    );
  }
  return keys;
}

function reviveShape(stored: unknown): KeyShape | undefined {
  if (!isRecord(stored)) return undefined;
  switch (stored.kind) {
    case 'text':
      return typeof stored.isUrl === 'boolean' && typeof stored.isAttribute === 'boolean'
        ? { kind: 'text', isUrl: stored.isUrl, isAttribute: stored.isAttribute }
        : undefined;
    case 'any':
      return { kind: 'any' };
    case 'list': {
      const item = reviveShape(stored.item);
      return item === undefined ? undefined : { kind: 'list', item };
    }
    case 'map': {
      const keys = reviveKeys(stored.keys);
      return keys === undefined ? undefined : { kind: 'map', keys };
    }
    default:
      return undefined;
  }
}

/** A parsed sentence as Handlebars' parser returned it: plain JSON, checked for its outer shape only (our own cache). */
export function isProgram(value: unknown): value is hbs.AST.Program {
  return isRecord(value) && value.type === 'Program' && Array.isArray(value.body);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
