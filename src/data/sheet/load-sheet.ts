import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeckError, type Problem } from '../../errors/deck-error.js';
import { messages } from '../../errors/messages.js';
import type { LoadedSheet, ParsedData, PathSegment } from '../../model.js';
import { describeIssue, valueAt } from '../zod-issues.js';
import { isRowsFile, resolveDeclaration, RowsFileSchema, type SheetDeclaration } from './declaration.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

const SHEET_FILE = /\.(csv|tsv|xlsx)$/i;
const SHOWN_FILES = 8;

/**
 * The spreadsheet `rows:` names, read: part of load, the only stage that reads files. undefined when the rows are
 * in the YAML. The readers are imported on a deck's first spreadsheet, so a YAML-only build never loads them.
 */
export async function loadSheet(input: { data: ParsedData; dataFile: string; shownDataFile: string }): Promise<LoadedSheet | undefined> {
  const rows = valueAt(input.data.value, ['rows']);
  if (!isRowsFile(rows)) return undefined;
  const locate = (path: readonly PathSegment[], key?: string): Pick<Problem, 'file' | 'line' | 'column' | 'length' | 'dataPath'> => {
    const position = key === undefined ? input.data.locate(path) : input.data.locateKey(path, key);
    return {
      file: input.shownDataFile,
      line: position?.line,
      column: position?.column,
      length: position?.length,
      dataPath: key === undefined ? path : [...path, key],
    };
  };
  const declaration = readDeclaration(rows, input, locate);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(declaration.path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const where = typeof rows === 'string' ? locate(['rows']) : locate(['rows', 'file']);
    const message =
      code === 'ENOENT'
        ? messages.sheetFileMissing(declaration.shownFile, listSheetFiles(dirname(declaration.path)).slice(0, SHOWN_FILES))
        : messages.fileUnreadable(declaration.shownFile, code === 'EISDIR' ? 'it is a folder' : code || 'unknown error');
    throw new DeckError({ code: 'file', ...message, ...where }, { cause: error });
  }
  const libraries = await import('./sheet-libraries.js');
  const table =
    declaration.kind === 'csv'
      ? readCsv(bytes, declaration, libraries)
      : await readXlsx(bytes, declaration, {
          libraries,
          locate: (key) => (typeof rows === 'string' ? locate(['rows']) : locate(['rows', key])),
        });
  return { path: declaration.path, table, ignore: declaration.ignore };
}

/** `rows: datos.csv` or `rows: { file: …, … }`, checked, each problem at its spot in the YAML. */
function readDeclaration(
  rows: unknown,
  input: { dataFile: string; shownDataFile: string },
  locate: (path: readonly PathSegment[], key?: string) => Pick<Problem, 'file' | 'line' | 'column' | 'length' | 'dataPath'>,
): SheetDeclaration {
  if (typeof rows === 'string' && !SHEET_FILE.test(rows.trim()))
    throw new DeckError({ code: 'schema', ...messages.sheetBadFile(rows), ...locate(['rows']) });
  const declared = typeof rows === 'string' ? { file: rows } : rows;
  const parsed = RowsFileSchema.safeParse(declared, { jitless: true });
  if (!parsed.success) {
    const raw = { rows: declared };
    const problems = parsed.error.issues.flatMap((issue) =>
      describeIssue({ ...issue, path: ['rows', ...issue.path] }, raw, []).map((finding): Problem => {
        const { key, within: _within, ...rest } = finding;
        return { ...rest, ...locate(finding.key === undefined ? finding.dataPath : finding.dataPath.slice(0, -1), key) };
      }),
    );
    throw new DeckError(problems);
  }
  const onlyXlsx = (['sheet', 'range'] as const).find((key) => parsed.data[key] !== undefined && !/\.xlsx$/i.test(parsed.data.file));
  if (onlyXlsx !== undefined) throw new DeckError({ code: 'schema', ...messages.sheetOnlyXlsx(onlyXlsx), ...locate(['rows'], onlyXlsx) });
  return resolveDeclaration(parsed.data, { dataFile: input.dataFile, shownDataFile: input.shownDataFile });
}

function listSheetFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => SHEET_FILE.test(name) && !name.startsWith('~$'))
      .sort();
  } catch {
    // The folder itself is missing: there is nothing to suggest, and the message already names the path.
    return [];
  }
}
