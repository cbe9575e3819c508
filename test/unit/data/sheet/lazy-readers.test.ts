import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../helpers.js';

const READERS = ['csv-parse', 'read-excel-file', 'fflate'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** A deck whose rows are in its YAML must build as fast as before spreadsheets: it never loads their readers. */
describe('the spreadsheet readers load only for a deck that names a spreadsheet', () => {
  it('are imported by src/data/sheet/sheet-libraries.ts alone, which is imported only with import()', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    const importing = files.filter((file) => READERS.some((name) => readFileSync(file, 'utf8').includes(`from '${name}`)));
    expect(importing.map((file) => file.slice(ROOT.length))).toEqual(['src/data/sheet/sheet-libraries.ts']);
    const staticImports = files.filter((file) => /^import (?!type)[^;]*sheet-libraries\.js';$/m.test(readFileSync(file, 'utf8')));
    expect(staticImports).toEqual([]);
  });

  it('sit in a bundle of their own, which the CLI bundle requires only when asked', () => {
    const cli = join(ROOT, 'lib', 'cli.bundle.cjs');
    const sheets = join(ROOT, 'lib', 'sheet-libraries.bundle.cjs');
    // npm test compiles first; a plain `npx vitest` without lib/ has nothing to check here.
    if (!existsSync(cli)) return;
    expect(existsSync(sheets)).toBe(true);
    const bundle = readFileSync(cli, 'latin1');
    const readers = readFileSync(sheets, 'latin1');
    // Text of csv-parse's and read-excel-file's own code (booleans: a failure must not print a megabyte of bundle).
    const markers = ['CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', 'sharedStrings'];
    expect(bundle.includes('./sheet-libraries.bundle.cjs')).toBe(true);
    expect(markers.map((marker) => [marker, bundle.includes(marker), readers.includes(marker)])).toEqual(
      markers.map((marker) => [marker, false, true]),
    );
  });
});
