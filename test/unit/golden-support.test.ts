import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUpdatingGoldens, readGolden } from '../golden/support/golden.js';

describe('goldens cannot approve themselves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-golden-'));

  it('fails on a missing golden, and under CI does not write it even when UPDATE_GOLDEN=1', () => {
    const file = join(dir, 'missing.txt');
    expect(() => readGolden(file, 'new output', 'suite', { UPDATE_GOLDEN: '1', CI: 'true' })).toThrow(/No golden file/);
    expect(existsSync(file)).toBe(false);
    expect(() => readGolden(file, 'new output', 'suite', {})).toThrow(/No golden file/);
  });

  it('returns the stored text, not the actual one, so a difference fails the comparison', () => {
    const file = join(dir, 'stored.txt');
    writeFileSync(file, 'reviewed output');
    expect(readGolden(file, 'changed output', 'suite', { UPDATE_GOLDEN: '1', CI: 'true' })).toBe('reviewed output');
  });

  it('writes only when asked, outside CI', () => {
    expect(isUpdatingGoldens({ UPDATE_GOLDEN: '1' })).toBe(true);
    expect(isUpdatingGoldens({ UPDATE_GOLDEN: '1', CI: 'true' })).toBe(false);
    expect(isUpdatingGoldens({ UPDATE_GOLDEN: '1', CI: '1' })).toBe(false);
    expect(isUpdatingGoldens({})).toBe(false);
  });
});
