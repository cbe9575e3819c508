import { z } from 'zod';
import type { Field } from '../data/fields.js';
import { formatCellText, formatList, type FormatContext } from '../format/values.js';
import type { ChartTable, Deck, DeckRow } from '../model.js';

/**
 * One row as the chart specs see it: each declared field by name (a number in the field's unit, text, a range as
 * { min, max }, a date as YYYY-MM-DD, null when missing so vega-lite drops the mark instead of drawing zero) and
 * under fmt each field's text as the table shows it, so a figure reads the same on a chart.
 */
export type ChartRow = Readonly<Record<string, unknown>> & { readonly fmt: Readonly<Record<string, string>> };

export function buildChartRows(deck: Deck, isShown: (field: string) => boolean = () => true): ChartRow[] {
  const fields = [...deck.fields.values()];
  // Every field's value, but text only for the fields the charts name (and the first, which names the row).
  const texts = fields.filter((field, index) => index === 0 || isShown(field.name));
  return deck.rows.map((row) => buildChartRow(row, fields, texts, deck.format));
}

function buildChartRow(row: DeckRow, fields: readonly Field[], texts: readonly Field[], format: FormatContext): ChartRow {
  const values: Record<string, unknown> = {};
  const fmt: Record<string, string> = {};
  for (const field of fields) values[field.name] = chartValue(row.cells.get(field.name)?.value);
  for (const field of texts) {
    fmt[field.name] = formatCellText(field, row.cells.get(field.name), format);
  }
  return { ...values, fmt };
}

function chartValue(
  value: DeckRow['cells'] extends ReadonlyMap<string, infer C> ? (C extends { value: infer V } ? V : never) : never,
): unknown {
  if (value === undefined) return null;
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
    case 'quantity':
      return value.number;
    case 'range':
      return { min: value.min, max: value.max };
    case 'date':
      return value.iso;
  }
}

/** What a chart file says about its text alternative, under "usermeta" (which vega-lite ignores). */
const ChartTextSchema = z.object({
  usermeta: z.object({
    datadeck: z.strictObject({
      summary: z.string().trim().min(1),
      table: z
        .array(
          z.union([
            z.string().trim().min(1),
            z.strictObject({ title: z.string().trim().min(1).optional(), field: z.string().trim().min(1) }),
          ]),
        )
        .min(1)
        .optional(),
    }),
  }),
});

export interface ChartText {
  readonly summary: string;
  readonly table: readonly { readonly title: string | undefined; readonly field: string }[];
}

/** The spec's text alternative settings, or the reason they are unusable. */
export function readChartText(spec: unknown, fallbackTable: () => ChartText['table']): { text: ChartText } | { problem: string } {
  const parsed = ChartTextSchema.safeParse(spec, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = (issue?.path ?? []).map(String).join('.') || 'usermeta';
    return { problem: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const { summary, table } = parsed.data.usermeta.datadeck;
  if (table === undefined) return { text: { summary, table: fallbackTable() } };
  return {
    text: {
      summary,
      table: table.map((column) =>
        typeof column === 'string' ? { title: undefined, field: column } : { title: column.title, field: column.field },
      ),
    },
  };
}

/** The same figures as the chart, as one sentence and as a table, for readers who cannot see it. */
export function describeChart(options: {
  text: ChartText;
  rows: readonly ChartRow[];
  fields: ReadonlyMap<string, Field>;
  format: FormatContext;
}): { summary: string; table: ChartTable } {
  const { text, rows, fields } = options;
  const cells = rows.map((row) => text.table.map((column) => row.fmt[column.field] ?? ''));
  const items = cells.map(([first = '', ...rest]) => (rest.length === 0 ? first : `${first} (${rest.join(', ')})`));
  return {
    summary: `${text.summary}: ${formatList(items, options.format)}.`,
    table: { columns: text.table.map((column) => column.title ?? fields.get(column.field)?.label ?? column.field), rows: cells },
  };
}
