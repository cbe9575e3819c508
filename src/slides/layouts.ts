import type { TemplateSources } from '../model.js';
import { analyzeLayout, type LayoutKeys } from './layout-keys.js';

/** What a layout's template shows, read from the template itself: the keys a slide may give, a table, a chart. */
export interface LayoutInfo {
  readonly keys: LayoutKeys;
  /** The template shows {{table…}}: the slide's columns become a table, paged to fit. */
  readonly showsTable: boolean;
  /** The template shows {{chart…}}: the slide's chart is rendered to SVG for it. */
  readonly showsChart: boolean;
}

/** Keys the build gives every layout: the deck's meta, its words, the slide's notes and number, a table or a chart. */
export const PROVIDED_KEYS: ReadonlySet<string> = new Set(['meta', 't', 'notes', 'slideNumber', 'page', 'table', 'chart', 'references']);

// table and chart are analysed like a slide's keys, then set apart: whether a template uses them says what it shows.
const SHOWN_KEYS = ['table', 'chart'];
const WITHOUT_TABLE_AND_CHART: ReadonlySet<string> = new Set([...PROVIDED_KEYS].filter((key) => !SHOWN_KEYS.includes(key)));

export function analyzeLayouts(sources: TemplateSources): Map<string, LayoutInfo> {
  const layouts = new Map<string, LayoutInfo>();
  for (const [name, source] of sources.layouts) {
    const analyzed = analyzeLayout({ name, source, partials: sources.partials, provided: WITHOUT_TABLE_AND_CHART });
    const keys = { ...analyzed, keys: new Map([...analyzed.keys].filter(([key]) => !SHOWN_KEYS.includes(key))) };
    layouts.set(name, { keys, showsTable: analyzed.keys.has('table'), showsChart: analyzed.keys.has('chart') });
  }
  return layouts;
}
