import { messages, suggestName } from '../errors/messages.js';
import type { InputRow } from '../model.js';
import type { Field } from './fields.js';
import { parseValue, type Value } from './values.js';
import type { Finding } from './validate.js';
import { valueAt } from './zod-issues.js';
import { readRowNotes } from '../cite/check-citations.js';

// A row's keys that are no field: what it cites, and which of its figures are estimates.
const ROW_NOTE_KEYS: ReadonlySet<string> = new Set(['cite', 'estimate']);

/** Each row against the declared fields: known keys, typed values, required values present, unique names. */
export function checkRows(
  raw: object,
  fields: readonly Field[],
  context: { readonly broken: ReadonlySet<string>; readonly referenceKeys?: ReadonlySet<string> | undefined },
): { rows: InputRow[]; findings: Finding[] } {
  const { broken } = context;
  const list = valueAt(raw, ['rows']);
  if (!Array.isArray(list) || fields.length === 0) return { rows: [], findings: [] };
  const byName = new Map(fields.map((field) => [field.name, field]));
  const [nameField] = fields;
  const findings: Finding[] = [];
  const rows: InputRow[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      findings.push({ code: 'schema', ...messages.expectedMapping(entry), dataPath: ['rows', index] });
      return;
    }
    const values = new Map<string, Value>();
    // A typo is one problem: "pirce" is reported as unknown, and price is not also reported missing.
    const meant = new Set<string>();
    for (const [key, given] of Object.entries(entry)) {
      if (ROW_NOTE_KEYS.has(key)) continue;
      const field = byName.get(key);
      if (field === undefined) {
        if (broken.has(key)) continue;
        const names = [...byName.keys()];
        const suggestion = suggestName(key, names);
        if (suggestion !== undefined) meant.add(suggestion);
        findings.push({ code: 'unknown-key', ...messages.unknownRowField(key, suggestion, names), dataPath: ['rows', index, key], key });
        continue;
      }
      if (given === null || given === undefined) continue; // `units:` with nothing after it: the value is missing
      const parsed = parseValue(field, given);
      if ('value' in parsed) values.set(key, parsed.value);
      else
        findings.push({
          code: parsed.problem.code,
          message: parsed.problem.message,
          hint: parsed.problem.hint,
          entry: parsed.problem.entry,
          dataPath: ['rows', index, key, ...parsed.problem.subPath],
        });
    }
    for (const field of fields) {
      const hasFormula = 'formula' in field && field.formula !== undefined;
      if (field.isRequired && !hasFormula && !meant.has(field.name) && valueAt(entry, [field.name]) == null) {
        findings.push({ code: 'schema', ...messages.missingRowField(field.name, field.label), dataPath: ['rows', index] });
      }
    }
    const name = nameField === undefined ? undefined : values.get(nameField.name);
    const text = name?.kind === 'text' ? name.text : `#${index + 1}`;
    const key = text.toLocaleLowerCase();
    const first = firstIndex.get(key);
    if (first !== undefined && name !== undefined)
      findings.push({ code: 'duplicate', ...messages.duplicateRow(text, first), dataPath: ['rows', index, nameField?.name ?? ''] });
    else firstIndex.set(key, index);
    const notes = readRowNotes(entry, index, byName, context.referenceKeys);
    findings.push(...notes.findings);
    rows.push({ index, name: text, values, given: { ...entry }, citations: notes.citations, estimates: notes.estimates });
  });
  return { rows, findings };
}
