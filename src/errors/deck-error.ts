import type { PathSegment } from '../model.js';
import type { MessageEntry } from './messages.js';

/** What kind of problem: the part of the input at fault. Codes are stable; tests assert them. */
export type ErrorCode =
  | 'usage'
  | 'file'
  | 'yaml'
  | 'schema'
  | 'unit'
  | 'range'
  | 'duplicate'
  | 'unknown-key'
  | 'layout'
  | 'chart'
  | 'theme'
  | 'template'
  | 'formula-mismatch'
  | 'formula'
  | 'field'
  | 'field-type'
  | 'sentence'
  | 'url'
  | 'browser'
  | 'cache'
  | 'sheet'
  | 'reference'
  | 'cite';

export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Characters to underline from column, for the ^^^ marker. */
  readonly length?: number | undefined;
  readonly dataPath?: readonly PathSegment[] | undefined;
  /** The catalogue entry that said it, for the report to say it in the user's language. */
  readonly entry?: MessageEntry | undefined;
  /** Where, as the heading shows it, when line and column do not say it: a spreadsheet's cell and its column. */
  readonly place?: string | undefined;
}

/** The one error type users see: one or more located problems, with the library error kept as cause. */
export class DeckError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem | readonly Problem[], options?: { cause?: unknown }) {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    super(list.map((problem) => problem.message).join('\n'), options);
    this.name = 'DeckError';
    this.problems = list;
  }

  get isUsage(): boolean {
    return this.problems.every((problem) => problem.code === 'usage');
  }
}

export function isDeckError(error: unknown): error is DeckError {
  return error instanceof DeckError;
}
