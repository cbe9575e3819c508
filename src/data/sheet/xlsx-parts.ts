import { columnIndex, type UnreadableCell } from './table.js';

/** What read-excel-file does not say about a sheet, read from the workbook's XML: sheet parts, formulas, % formats. */

export interface SheetEntry {
  readonly name: string;
  /** Its part in the zip: xl/worksheets/sheet1.xml. */
  readonly path: string;
}

/** The workbook's sheets in tab order, each with the part that holds its cells. */
export function listSheets(workbook: string, relations: string): SheetEntry[] {
  const targets = new Map(
    [...relations.matchAll(/<Relationship\b([^>]*)>/g)].map((match) => [
      readAttribute(match[1] ?? '', 'Id'),
      readAttribute(match[1] ?? '', 'Target'),
    ]),
  );
  return [...workbook.matchAll(/<sheet\b([^>]*)>/g)].flatMap((match) => {
    const attributes = match[1] ?? '';
    const name = readAttribute(attributes, 'name');
    const target = targets.get(readAttribute(attributes, 'r:id'));
    if (name === '' || target === undefined || target === '') return [];
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return [{ name: unescapeXml(name), path }];
  });
}

/** Formula cells with no cached value (`<f>` and no `<v>`) and formula errors (t="e"): both read as empty. */
export function findUnreadableCells(xml: string): UnreadableCell[] {
  if (!xml.includes('<f') && !xml.includes('t="e"')) return [];
  const cells: UnreadableCell[] = [];
  for (const match of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const position = /^([A-Z]+)(\d+)$/.exec(readAttribute(attributes, 'r'));
    if (position === null) continue;
    const at = { row: Number(position[2]), column: columnIndex(position[1] ?? 'A') };
    const formula = unescapeXml(/<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1] ?? '');
    if (readAttribute(attributes, 't') === 'e')
      cells.push({ ...at, kind: 'formula-error', detail: unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '#ERROR') });
    else if (/<f\b/.test(body) && !/<v\b/.test(body)) cells.push({ ...at, kind: 'formula-without-value', detail: formula });
  }
  return cells;
}

function readAttribute(attributes: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&');
  return new RegExp(`(?:^|\\s)${escaped}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity] ?? '',
  );
}

/** The style indexes (a cell's s="…") whose number format shows a percent: built-in 9 and 10, or a code with "%". */
export function findPercentStyles(styles: string): Set<number> {
  const custom = new Set(
    [...styles.matchAll(/<numFmt\b([^>]*)\/?>/g)]
      .filter((match) =>
        readAttribute(match[1] ?? '', 'formatCode')
          .replace(/"[^"]*"/g, '')
          .includes('%'),
      )
      .map((match) => Number(readAttribute(match[1] ?? '', 'numFmtId'))),
  );
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const percent = new Set<number>();
  [...cellXfs.matchAll(/<xf\b([^>]*)\/?>/g)].forEach((match, index) => {
    const format = Number(readAttribute(match[1] ?? '', 'numFmtId'));
    if (format === 9 || format === 10 || custom.has(format)) percent.add(index);
  });
  return percent;
}

/** Number cells shown as a percent (0.45 shown "45 %"), by row (from 1) and column (from 0). */
export function findPercentCells(xml: string, styles: ReadonlySet<number>): { row: number; column: number }[] {
  if (styles.size === 0) return [];
  return [...xml.matchAll(/<c\b([^>]*?)(?:\/>|>)/g)].flatMap((match) => {
    const attributes = match[1] ?? '';
    const style = readAttribute(attributes, 's');
    const position = /^([A-Z]+)(\d+)$/.exec(readAttribute(attributes, 'r'));
    const type = readAttribute(attributes, 't');
    if (style === '' || position === null || (type !== '' && type !== 'n') || !styles.has(Number(style))) return [];
    return [{ row: Number(position[2]), column: columnIndex(position[1] ?? 'A') }];
  });
}
