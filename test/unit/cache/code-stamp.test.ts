import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_STAMP_FILE, hashTree, readCodeStamp } from '../../../src/cache/code-stamp.js';
import { ROOT } from '../../helpers.js';

/** A copy of src/ in a temporary package root, to edit without touching the real one. */
function copyPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'datadeck-stamp-'));
  cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true });
  return root;
}

describe("the build cache's code stamp", () => {
  it('changes when any source file that draws a chart changes, however deep', () => {
    const root = copyPackage();
    const before = hashTree(join(root, 'src'));
    const file = join(root, 'src', 'charts', 'compact-svg.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// an edit\n`);
    expect(hashTree(join(root, 'src'))).not.toBe(before);
  });

  it('does not change when a file is only touched: the content is the stamp, not the time', () => {
    const root = copyPackage();
    const before = hashTree(join(root, 'src'));
    utimesSync(join(root, 'src', 'charts', 'charts.ts'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(hashTree(join(root, 'src'))).toBe(before);
  });

  it('is hashed from src/ when the code runs from src/, and read from lib/ when it runs compiled', () => {
    const root = copyPackage();
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib', CODE_STAMP_FILE), 'written-by-compile\n');
    expect(readCodeStamp(root, true)).toBe(hashTree(join(root, 'src')));
    expect(readCodeStamp(root, false)).toBe('written-by-compile');
  });

  it('is written by npm run compile for the src/ it compiled (npm test compiles first)', () => {
    expect(readFileSync(join(ROOT, 'lib', CODE_STAMP_FILE), 'utf8').trim()).toBe(hashTree(join(ROOT, 'src')));
  });
});
