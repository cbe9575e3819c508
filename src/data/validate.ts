import type { core } from 'zod';
import { DeckError, type ErrorCode, type Problem } from '../errors/deck-error.js';
import { messages, suggestName, type Message } from '../errors/messages.js';
import type { ParsedData, PathSegment } from '../model.js';
import { DatasetSchema, type Dataset } from './deck-schema.js';
import { allowedKeys, checkModels, checkSlides, valueAt } from './validate-rules.js';

export interface ValidateInput {
  readonly data: ParsedData;
  readonly file: string;
  /** Layout names that have a file in templates/layouts/. */
  readonly layouts: readonly string[];
  /** Chart names that have a file in templates/charts/. */
  readonly charts: readonly string[];
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
  const result = DatasetSchema.safeParse(raw, { jitless: true });
  const found = [
    ...(result.success ? [] : result.error.issues.flatMap((issue) => describeIssue(issue, raw, input.layouts))),
    ...checkModels(raw),
    ...checkSlides(raw, input.layouts, input.charts),
  ];
  const problems = dedupe(found).map((problem) => locateProblem(problem, data, file)).sort(byPosition);
  if (problems.length > 0 || !result.success) throw new DeckError(problems);
  return result.data;
}

/** A problem before it has a line: what is wrong, and where in the data. */
export interface Finding extends Message {
  readonly code: ErrorCode;
  readonly dataPath: readonly PathSegment[];
  /** For unknown keys: point at the key rather than at its value. */
  readonly key?: string;
}

function describeIssue(issue: core.$ZodIssue, raw: object, layouts: readonly string[]): Finding[] {
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
      return at('range', messages.notPositive(value));
    case 'too_big':
      return at('range', messages.tooLarge(value, issue.maximum));
    case 'invalid_format':
      return at(...formatMessage(issue.message, value));
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = allowedKeys(raw, path);
        return { code: 'unknown-key', ...messages.unknownKey(key, suggestName(key, allowed), allowed), dataPath: [...path, key], key };
      });
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'layout') return at('layout', messages.unknownLayout(value, layouts));
      return at('schema', messages.expectedMonths(value));
    case 'invalid_value':
      return at('schema', messages.invalidValue(value, issue.values.map(String)));
    case 'custom':
      if (issue.message === 'range') {
        const range = valueAt(raw, path.slice(0, -1));
        return at('range', messages.rangeOrder(valueAt(range, ['min']), valueAt(range, ['max'])));
      }
      if (issue.message === 'positive') return at('range', messages.notPositive(value));
      return at('schema', messages.invalid(issue.message));
    default:
      return at('schema', messages.invalid(issue.message));
  }
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
      return messages.expectedMapping(value);
    default:
      return messages.invalid(`expected ${expected}`);
  }
}

function formatMessage(key: string, value: unknown): [ErrorCode, Message] {
  switch (key) {
    case 'energy':
      return ['unit', messages.energy(value)];
    case 'url':
      return ['url', messages.badUrl(value)];
    case 'date':
      return ['schema', messages.badDate(value)];
    case 'locale':
      return ['schema', messages.badLocale(value)];
    default:
      return ['schema', messages.badTheme(value)];
  }
}

function locateProblem(finding: Finding, data: ParsedData, file: string): Problem {
  const position = finding.key === undefined ? data.locate(finding.dataPath) : data.locateKey(finding.dataPath.slice(0, -1), finding.key);
  const { key: _key, ...problem } = finding;
  return { ...problem, file, line: position?.line, column: position?.column, length: position?.length };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const id = `${finding.dataPath.join('.')}|${finding.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
