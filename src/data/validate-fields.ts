import { messages, suggestName } from '../errors/messages.js';
import { listUnits, UNIT_FAMILIES } from '../format/units.js';
import { FIELD_NAME } from './deck-schema.js';
import { FieldDeclarationSchema, type FieldEntry } from './field-schema.js';
import { isMeasurable, resolveField, type Field } from './fields.js';
import { orderFormulas, type Formula } from './formula.js';
import type { Finding } from './validate.js';
import { checkLabel } from './validate-slides.js';
import { valueAt } from './zod-issues.js';

export interface CheckedFields {
  readonly fields: readonly Field[];
  /** Declared, but their declaration (or formula) is wrong and reported: their uses are not reported again. */
  readonly broken: ReadonlySet<string>;
  readonly formulaOrder: readonly string[];
  readonly findings: readonly Finding[];
  /** The first field, which names the rows, is declared wrong: row names, duplicates and "value" rows go unchecked. */
  readonly isNamingBroken?: boolean;
}

/**
 * The declarations zod accepted, resolved (units found, formulas parsed), then checked as a whole: formulas name
 * declared numeric fields, no formula depends on itself, and the first field, which names each row, is text.
 */
export function checkFields(raw: object, parsedFields?: Readonly<Record<string, FieldEntry>>): CheckedFields {
  const declarations = valueAt(raw, ['fields']);
  if (typeof declarations !== 'object' || declarations === null || Array.isArray(declarations))
    return { fields: [], broken: new Set(), formulaOrder: [], findings: [] };
  const findings: Finding[] = [];
  const fields: Field[] = [];
  const broken = new Set<string>();

  for (const [name, entry] of Object.entries(declarations)) {
    // zod's issues about the frame report a declaration that does not parse; `comment: text` is `{ type: text }`.
    // When the frame parsed, its declarations are used as they are: parsing each again costs ~0.2 ms a rebuild.
    const known = parsedFields?.[name];
    const parsed =
      known !== undefined && typeof known !== 'string'
        ? { success: true as const, data: known }
        : FieldDeclarationSchema.safeParse(typeof entry === 'string' ? { type: entry } : entry, { jitless: true });
    if (!FIELD_NAME.test(name)) {
      // Reported here, not left to zod, which passes over a "__proto__" key without a word.
      findings.push({ code: 'schema', ...messages.badFieldName(name), dataPath: ['fields', name], key: name });
      broken.add(name);
      continue;
    }
    if (!parsed.success) {
      broken.add(name);
      continue;
    }
    findings.push(...checkLabel(parsed.data.label, ['fields', name, 'label']));
    const resolved = resolveField(name, parsed.data);
    if ('field' in resolved) {
      fields.push(resolved.field);
      continue;
    }
    broken.add(name);
    const { problem } = resolved;
    if (problem.kind === 'unknown-unit') {
      findings.push({ code: 'unit', ...describeUnknownUnit(problem.unit, problem.key), dataPath: ['fields', name, problem.key] });
    } else {
      findings.push({
        code: 'formula',
        ...messages.formulaSyntax(problem.error),
        dataPath: ['fields', name, 'formula'],
        within: { offset: problem.error.offset, length: problem.error.length },
      });
    }
  }
  const [first] = fields;
  const [firstDeclared] = Object.keys(declarations);
  if (firstDeclared === undefined)
    return {
      fields,
      broken,
      formulaOrder: [],
      findings: [{ code: 'schema', ...messages.noFields(), dataPath: ['fields'] }],
      isNamingBroken: true,
    };
  // The first declaration names the rows: when it is wrong (and reported), no row has a name to check.
  if (firstDeclared !== undefined && broken.has(firstDeclared)) return { fields, broken, formulaOrder: [], findings, isNamingBroken: true };
  if (first !== undefined && first.type !== 'text')
    findings.push({ code: 'schema', ...messages.firstFieldNotText(first.name, first.type), dataPath: ['fields', first.name] });
  if (first !== undefined && !first.isRequired)
    findings.push({ code: 'schema', ...messages.firstFieldOptional(first.name), dataPath: ['fields', first.name] });
  // A field whose formula is wrong keeps it (rows may still leave the field out) but is left out of formulaOrder.
  const formulas = checkFormulas(fields, broken);
  return { fields, broken, formulaOrder: formulas.order, findings: [...findings, ...formulas.findings] };
}

function checkFormulas(
  fields: readonly Field[],
  broken: ReadonlySet<string>,
): { order: readonly string[]; findings: Finding[]; failed: ReadonlySet<string> } {
  const failed = new Set<string>();
  const byName = new Map(fields.map((field) => [field.name, field]));
  const findings: Finding[] = [];
  const formulas = new Map<string, Formula>();
  for (const field of fields) {
    const formula = 'formula' in field ? field.formula : undefined;
    if (formula === undefined) continue;
    let isValid = true;
    for (const reference of formula.references) {
      const target = byName.get(reference.name);
      const within = { offset: reference.offset, length: reference.length };
      const dataPath = ['fields', field.name, 'formula'];
      if (target === undefined && broken.has(reference.name)) {
        isValid = false;
      } else if (target === undefined) {
        const known = fields
          .filter((candidate) => isMeasurable(candidate) && candidate.name !== field.name)
          .map((candidate) => candidate.name);
        findings.push({
          code: 'formula',
          ...messages.formulaUnknownField(reference.name, suggestName(reference.name, known), known),
          dataPath,
          within,
        });
        isValid = false;
      } else if (
        !isMeasurable(target) ||
        target.type === 'date' ||
        (target.type === 'range' && reference.part === undefined && !reference.isAggregate)
      ) {
        findings.push({ code: 'formula', ...messages.formulaFieldType(target.name, target.type), dataPath, within });
        isValid = false;
      }
    }
    if (isValid) formulas.set(field.name, formula);
    else failed.add(field.name);
  }
  const ordered = orderFormulas(formulas);
  if ('order' in ordered) return { order: ordered.order, findings, failed };
  const [start = ''] = ordered.cycle;
  findings.push({ code: 'formula', ...messages.formulaCycle(ordered.cycle), dataPath: ['fields', start, 'formula'] });
  return { order: [], findings, failed: new Set([...failed, ...ordered.cycle]) };
}

function describeUnknownUnit(unit: string, key: 'unit' | 'display') {
  const units = UNIT_FAMILIES.flatMap((family) => listUnits(family).map((candidate) => candidate.symbol));
  const byFamily = UNIT_FAMILIES.map((family) => ({ family, units: listUnits(family).map((candidate) => candidate.symbol) }));
  return messages.unknownDeclaredUnit(unit, key, suggestName(unit, units), byFamily);
}

// As the README names the families.
