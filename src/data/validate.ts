import { DeckError, type ErrorCode, type Problem } from '../errors/deck-error.js';
import { locateWithin } from '../errors/locate.js';
import { messages, type Message } from '../errors/messages.js';
import type { Dataset, InputRow, LoadedSheet, ParsedData, PathSegment } from '../model.js';
import type { Field } from './fields.js';
import type { LayoutInfo } from '../slides/layouts.js';
import { DatasetSchema, type DatasetFrame } from './deck-schema.js';
import { checkFields } from './validate-fields.js';
import { checkRows } from './validate-rows.js';
import { checkSlides } from './validate-slides.js';
import { readSheetRows } from './sheet/sheet-rows.js';
import { placeFields } from './sheet/sheet-columns.js';
import { describeIssue, valueAt } from './zod-issues.js';
import type { SentenceCache } from './sentence-cache.js';
import { checkTextCitations, collectReferences, orderCitations } from '../cite/check-citations.js';
import type { DeckReferences, LoadedReferences } from '../cite/references.js';

export interface ValidateInput {
  readonly data: ParsedData;
  readonly file: string;
  /** The data file's text, to point inside a string (a sentence's {{…}}, a formula). */
  readonly text: string;
  /** Every layout of templates/layouts/, with the keys its template uses. */
  readonly layouts: ReadonlyMap<string, LayoutInfo>;
  /** Chart names that have a file next to the data (charts/<name>.vl.json) or in templates/charts/. */
  readonly charts: ReadonlyMap<string, unknown>;
  readonly sentences: SentenceCache;
  /** The spreadsheet rows: names, when the rows are not in the YAML. */
  readonly sheet?: LoadedSheet | undefined;
  /** What `references:` names, read by load. */
  readonly references?: LoadedReferences | undefined;
}

/** A problem before it has a line: what is wrong, and where in the data. */
export interface Finding extends Message {
  readonly code: ErrorCode;
  readonly dataPath: readonly PathSegment[];
  /** For unknown keys: point at the key rather than at its value. */
  readonly key?: string;
  /** Inside the string at dataPath: a {{…}} in a sentence, a name in a formula. */
  readonly within?: { readonly offset: number; readonly length: number };
}

/** unknown → Dataset, or one DeckError listing every problem in the file, each with its line and column. */
export function validateDataset(input: ValidateInput): Dataset {
  const { data, file } = input;
  const raw = data.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DeckError({ code: 'schema', ...messages.notAMapping(raw), file, line: 1, column: 1 });
  }
  // jitless: zod would otherwise compile a checker per object shape with new Function on the first parse, ~10 ms
  // more than it saves for the one parse a build makes (and no eval in our process).
  const other = findOtherFormat(raw);
  if (other !== undefined)
    throw new DeckError(locateFinding({ code: 'schema', ...messages.otherFormat(other), dataPath: [other], key: other }, input));
  const frame = DatasetSchema.safeParse(raw, { jitless: true });
  const frameFindings = frame.success ? [] : frame.error.issues.flatMap((issue) => describeIssue(issue, raw, [...input.layouts.keys()]));
  const fields = checkFields(raw, frame.success ? frame.data.fields : undefined);
  const rowFields = fields.isNamingBroken === true ? [] : fields.fields;
  const sheet =
    input.sheet === undefined || rowFields.length === 0 ? undefined : readSheetRows(input.sheet.table, rowFields, input.sheet.ignore);
  const hasReferences = valueAt(raw, ['references']) != null;
  const references = hasReferences ? collectReferences(raw, input.references) : undefined;
  const referenceKeys = references === undefined ? undefined : new Set(references.items.keys());
  const rows = sheet ?? checkRows(raw, rowFields, { broken: fields.broken, referenceKeys });
  const rowNames = fields.isNamingBroken === true ? undefined : rows.rows.map((row) => row.name);
  const slides = checkSlides({
    raw,
    fields: fields.fields,
    broken: fields.broken,
    rowNames,
    layouts: input.layouts,
    charts: input.charts,
    sentences: input.sentences,
  });
  const derivable = checkDerivable(fields.fields, rows.rows, fields.formulaOrder);
  const texts = checkTextCitations(raw, referenceKeys);
  const found = [
    ...frameFindings,
    ...fields.findings,
    ...('findings' in rows ? rows.findings : []),
    ...slides.findings,
    ...(references?.findings ?? []),
    ...texts.findings,
  ];
  // The YAML's problems in the order of its lines, then the spreadsheet's in the order of its cells.
  const inSheet = sheet === undefined ? [] : [...sheet.problems, ...derivable.map((finding) => locateInSheet(finding, sheet.rows))];
  const inYaml = sheet === undefined ? [...found, ...derivable] : found;
  const problems = [
    ...dedupe(inYaml)
      .map((finding) => locateFinding(finding, input))
      .sort(byPosition),
    ...inSheet,
  ];
  if (problems.length > 0 || !frame.success) throw new DeckError(problems);
  const deckReferences: DeckReferences | undefined =
    references === undefined || input.references === undefined
      ? undefined
      : {
          items: references.items,
          places: references.places,
          style: input.references.style,
          locales: input.references.locales,
          cited: orderCitations({ raw, rows: rows.rows, textCited: texts.cited }),
        };
  return { ...toDataset(frame.data, fields, rows.rows, slides.slides), references: deckReferences };
}

/** A finding about a spreadsheet row (a value its formula cannot compute), at the row's cell. */
export function locateInSheet(
  finding: Pick<Finding, 'code' | 'message' | 'hint' | 'dataPath'>,
  rows: readonly Pick<InputRow, 'index' | 'source'>[],
): Problem {
  const [, index, field] = finding.dataPath;
  const source = rows.find((row) => row.index === index)?.source;
  const where = source?.locate(typeof field === 'string' ? field : undefined);
  return {
    code: finding.code,
    message: finding.message,
    hint: finding.hint,
    dataPath: finding.dataPath,
    ...(where === undefined ? {} : placeFields(where.place, where.header)),
  };
}

/** A deck in another shape (a list of entries under its own key, no fields: and rows:) is one problem, not twenty. */
function findOtherFormat(raw: object): string | undefined {
  if (Object.hasOwn(raw, 'fields') || Object.hasOwn(raw, 'rows')) return undefined;
  return Object.keys(raw).find((key) => key !== 'slides' && Array.isArray(valueAt(raw, [key])));
}

/**
 * A required field with a formula must be computable in every row that leaves it out: its row inputs given or
 * themselves computable. Found here, with every other problem, rather than when derive runs.
 */
function checkDerivable(fields: readonly Field[], rows: Dataset['rows'], order: readonly string[]): Finding[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  return rows.flatMap((row) => {
    // A value given but wrong (a decimal comma) is reported where it is written, not as missing here.
    const present = new Set(Object.keys(row.given).filter((key) => row.given[key] !== null && row.given[key] !== undefined));
    const findings: Finding[] = [];
    for (const name of order) {
      const field = byName.get(name);
      const formula = field !== undefined && 'formula' in field ? field.formula : undefined;
      if (field === undefined || formula === undefined || present.has(name)) continue;
      const absent = formula.references
        .filter((reference) => !reference.isAggregate && !present.has(reference.name))
        .map((reference) => reference.name);
      if (absent.length === 0) present.add(name);
      else if (field.isRequired)
        findings.push({
          code: 'schema',
          ...messages.cannotDerive(name, formula.source, [...new Set(absent)]),
          dataPath: ['rows', row.index],
        });
    }
    return findings;
  });
}

function toDataset(frame: DatasetFrame, fields: ReturnType<typeof checkFields>, rows: Dataset['rows'], slides: Dataset['slides']): Dataset {
  return { meta: frame.meta, fields: fields.fields, rows, slides, formulaOrder: fields.formulaOrder };
}

export function locateFinding(finding: Finding, input: Pick<ValidateInput, 'data' | 'file' | 'text'>): Problem {
  const { data, file } = input;
  const node = finding.key === undefined ? data.locate(finding.dataPath) : data.locateKey(finding.dataPath.slice(0, -1), finding.key);
  const value = valueAt(data.value, finding.dataPath);
  const position =
    node !== undefined && finding.within !== undefined && typeof value === 'string'
      ? locateWithin(input.text, node, value, finding.within)
      : node;
  const { key: _key, within: _within, ...problem } = finding;
  return { ...problem, file, line: position?.line, column: position?.column, length: position?.length };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const id = `${finding.dataPath.join('.')}|${finding.message}|${finding.within?.offset ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
