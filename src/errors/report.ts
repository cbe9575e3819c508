import { existsSync, readFileSync } from 'node:fs';
import type { PathSegment } from '../model.js';
import { isDeckError, type DeckError, type Problem } from './deck-error.js';
import { messages, translateMessage, type MessageCatalogue } from './messages.js';

export interface ReportSource {
  /** File name → its text, to quote the offending line. */
  readonly texts: ReadonlyMap<string, string>;
  /** The language to speak: the English catalogue unless the CLI chose another. */
  readonly say?: MessageCatalogue | undefined;
}

/** What the user sees for a failed build: every problem, located, quoted and hinted. */
export function formatError(error: DeckError, source: ReportSource): string {
  const blocks = error.problems.map((problem) => formatProblem(problem, 'error', source));
  const count = error.problems.length;
  const footer = count > 1 ? `\n${(source.say ?? messages).problemCount(count)}` : '';
  return blocks.join('\n\n') + footer;
}

export function formatProblem(problem: Problem, severity: 'error' | 'warning', source: ReportSource): string {
  const say = source.say ?? messages;
  const { message, hint } = translateMessage(problem, say);
  // A spreadsheet's cell names itself (datos.csv:4:3, datos.xlsx · Hoja1!C4) better than a path in the data.
  const where =
    problem.place ?? [location(problem), problem.dataPath?.length ? formatDataPath(problem.dataPath) : ''].filter(Boolean).join('  ');
  // The code in brackets is an identifier (tests and searches use it): it stays the same in every language.
  const lines = [`${say.severity(severity)}[${problem.code}]${where ? ` ${where}` : ''}`, `  ${message}`];
  const excerpt = quoteLine(problem, source);
  if (excerpt) lines.push(excerpt);
  lines.push(`  ${say.hintLabel()}: ${hint}`);
  return lines.join('\n');
}

function location(problem: Problem): string {
  if (problem.file === undefined) return '';
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}:${problem.column ?? 1}`;
}

/** ['models', 2, 'units'] → models[2].units */
export function formatDataPath(path: readonly PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function quoteLine(problem: Problem, source: ReportSource): string | undefined {
  if (problem.file === undefined || problem.line === undefined) return undefined;
  const text = linesOf(source.texts, problem.file)?.[problem.line - 1];
  if (text === undefined) return undefined;
  const number = String(problem.line);
  const gutter = ' '.repeat(number.length);
  const column = Math.max(1, problem.column ?? 1);
  const length = Math.max(1, Math.min(problem.length ?? 1, text.length - column + 1));
  return [`  > ${number} | ${text}`, `    ${gutter} | ${' '.repeat(column - 1)}${'^'.repeat(length)}`].join('\n');
}

// Each file's lines, split once per set of texts: a report of a thousand problems in one file quoted each line
// after splitting the whole file again (seconds for a large .bib).
const splitTexts = new WeakMap<ReadonlyMap<string, string>, Map<string, readonly string[]>>();

function linesOf(texts: ReadonlyMap<string, string>, file: string): readonly string[] | undefined {
  const text = texts.get(file);
  if (text === undefined) return undefined;
  const split = splitTexts.get(texts) ?? new Map<string, readonly string[]>();
  splitTexts.set(texts, split);
  const lines = split.get(file) ?? text.split(/\r?\n/);
  split.set(file, lines);
  return lines;
}

/** The text of any failed build, as the terminal and the dev server's overlay show it; unknown errors are our bugs. */
export function formatFailure(error: unknown, say: MessageCatalogue = messages): string {
  if (isDeckError(error)) return formatError(error, { texts: readQuotedFiles(error.problems), say });
  const { message, hint } = say.internal(error instanceof Error ? error.message : String(error));
  // What the failure came from, each cause on its line: "a chart failed" alone says little (stacks: --debug).
  const causes = listCauses(error).map((cause) => `\n  ${say.causedBy()}: ${cause instanceof Error ? cause.message : String(cause)}`);
  return `${say.severity('error')}[internal] ${message}${causes.join('')}\n  ${say.hintLabel()}: ${hint}`;
}

/** The chain of `cause`s under an error, nearest first; a cycle or a very long chain stops at 10. */
export function listCauses(error: unknown): unknown[] {
  const causes: unknown[] = [];
  let current: unknown = error instanceof Error ? error.cause : undefined;
  while (current !== undefined && current !== null && causes.length < 10 && !causes.includes(current)) {
    causes.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return causes;
}

/** The files the problems point into, read only now that there is something to quote. */
export function readQuotedFiles(problems: readonly Problem[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { file, line } of problems) {
    if (file === undefined || line === undefined || texts.has(file)) continue;
    // A file that cannot be read again is reported without its quoted line; the message already names it.
    if (existsSync(file)) texts.set(file, readFileSync(file, 'utf8'));
  }
  return texts;
}
