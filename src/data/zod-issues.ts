import type { core } from 'zod';
import type { ErrorCode } from '../errors/deck-error.js';
import { messages, suggestName, type Message } from '../errors/messages.js';
import type { PathSegment } from '../model.js';
import { DatasetSchema, MetaSchema } from './deck-schema.js';
import { declarationKeys, FIELD_TYPES, FieldDeclarationSchema } from './field-schema.js';
import { RowsFileSchema } from './sheet/declaration.js';
import type { Finding } from './validate.js';

/** zod's issues about the data file's frame (meta, the field declarations), as findings with the catalogue's words. */
export function describeIssue(issue: core.$ZodIssue, raw: object, _layouts: readonly string[]): Finding[] {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const value = valueAt(raw, path);
  const at = (code: ErrorCode, message: Message): Finding[] => [{ code, ...message, dataPath: path }];
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return at('schema', messages.missing(String(path.at(-1) ?? '')));
      return at('schema', expectedMessage(issue.expected, value));
    case 'too_small':
      if (issue.origin === 'string') return at('schema', messages.emptyText());
      if (issue.origin === 'array') return at('schema', messages.emptyList());
      return at('range', messages.tooSmall(value, issue.minimum));
    case 'too_big':
      return at('range', messages.tooLarge(value, issue.maximum));
    case 'invalid_format':
      return at(...formatMessage(issue.message, value));
    case 'invalid_key':
      return describeKey(path, issue);
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = allowedKeys(raw, path);
        return { code: 'unknown-key', ...messages.unknownKey(key, suggestName(key, allowed), allowed), dataPath: [...path, key], key };
      });
    case 'invalid_union':
      if (path[0] === 'fields' && path.length === 2) return describeField(value, path);
      // rows: neither a list of rows nor a spreadsheet's name.
      if (path.length === 1 && path[0] === 'rows')
        return at('schema', Array.isArray(value) ? messages.emptyList() : messages.sheetBadFile(value));
      return at('schema', messages.invalid(issue.message));
    case 'invalid_value':
      return at('schema', messages.invalidValue(value, issue.values.map(String)));
    case 'custom':
      return issue.message === 'deck-url' ? at(...formatMessage(issue.message, value)) : at('schema', messages.invalid(issue.message));
    default:
      return at('schema', messages.invalid(issue.message));
  }
}

function describeKey(path: readonly PathSegment[], issue: core.$ZodIssueInvalidKey): Finding[] {
  const key = String(issue.path.at(-1) ?? '');
  return [{ code: 'schema', ...messages.badFieldName(key), dataPath: [...path.slice(0, -1), key], key }];
}

/** A field declaration that matched no type: an unknown type, or the right type with a wrong key or value. */
function describeField(value: unknown, path: readonly PathSegment[]): Finding[] {
  const type = typeof value === 'string' ? value : valueAt(value, ['type']);
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    return [{ code: 'schema', ...messages.expectedFieldDeclaration(value), dataPath: path }];
  }
  if (typeof type !== 'string' || !FIELD_TYPES.some((known) => known === type)) {
    const where = typeof value === 'string' ? path : [...path, 'type'];
    return [
      {
        code: 'field-type',
        ...messages.unknownFieldType(type, suggestName(String(type ?? ''), FIELD_TYPES), FIELD_TYPES),
        dataPath: where,
      },
    ];
  }
  if (typeof value === 'string') return [{ code: 'schema', ...messages.fieldNeedsKeys(type, String(path[1])), dataPath: path }];
  const parsed = FieldDeclarationSchema.safeParse(value, { jitless: true });
  if (parsed.success) return [];
  // A quantity without its unit, a category without its values: say what the type needs, not "a key is missing".
  const needed = type === 'quantity' ? 'unit' : type === 'category' ? 'values' : undefined;
  if (needed !== undefined && valueAt(value, [needed]) === undefined)
    return [{ code: 'schema', ...messages.fieldNeedsKeys(type, String(path[1])), dataPath: path }];
  return parsed.error.issues.flatMap((issue) =>
    describeIssue({ ...issue, path: [...path, ...issue.path] }, { fields: { [String(path[1])]: value } }, []),
  );
}

function expectedMessage(expected: string, value: unknown): Message {
  switch (expected) {
    case 'number':
      return messages.expectedNumber(value);
    case 'int':
      return messages.expectedInteger(value);
    case 'string':
      return messages.expectedText(value);
    case 'array':
      return messages.expectedList(value);
    case 'object':
    case 'record':
      return messages.expectedMapping(value);
    case 'boolean':
      return messages.expectedBoolean(value);
    default:
      return messages.invalid(`expected ${expected}`);
  }
}

function formatMessage(key: string, value: unknown): [ErrorCode, Message] {
  switch (key) {
    case 'date':
      return ['schema', messages.badDate(value)];
    case 'locale':
      return ['schema', messages.badLocale(value)];
    case 'currency':
      return ['schema', messages.badCurrency(value)];
    case 'field-name':
      return ['schema', messages.badFieldName(value)];
    case 'deck-url':
      return ['schema', messages.badDeckUrl(value)];
    case 'sheet-file':
      return ['schema', messages.sheetBadFile(value)];
    case 'sheet-range':
      return ['schema', messages.sheetBadRange(value)];
    default:
      return ['schema', messages.badTheme(value)];
  }
}

/** The keys a mapping at `path` may have, for "did you mean". */
function allowedKeys(raw: object, path: readonly PathSegment[]): string[] {
  if (path.length === 0) return Object.keys(DatasetSchema.shape);
  if (path[0] === 'meta') return Object.keys(MetaSchema.shape);
  if (path[0] === 'rows' && path.length === 1) return Object.keys(RowsFileSchema.shape);
  if (path[0] === 'fields' && path.length === 2) return declarationKeys(valueAt(raw, [...path, 'type']));
  return [];
}

export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    // Own properties only: a key such as "__proto__" or "constructor" must not reach the prototype.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    const next: unknown = Reflect.get(current, segment);
    current = next;
  }
  return current;
}
