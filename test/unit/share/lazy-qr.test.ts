import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** A deck without a QR code builds as fast as before QR codes: it never loads the encoder. */
describe('the QR code encoder loads only for a deck that shows a code', () => {
  it('is imported by src/share/qr-libraries.ts alone, which is imported only with import()', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    const importing = files.filter((file) => readFileSync(file, 'utf8').includes("from 'qrcode-generator'"));
    expect(importing.map((file) => file.slice(ROOT.length))).toEqual(['src/share/qr-libraries.ts']);
    expect(files.filter((file) => /^import (?!type)[^;]*qr-libraries\.js';$/m.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('sits in a bundle of its own, which the CLI bundle requires only when asked', () => {
    const cli = join(ROOT, 'lib', 'cli.bundle.cjs');
    // npm test compiles first; a plain `npx vitest` without lib/ has nothing to check here.
    if (!existsSync(cli)) return;
    const bundle = readFileSync(cli, 'latin1');
    const encoder = readFileSync(join(ROOT, 'lib', 'qr-libraries.bundle.cjs'), 'latin1');
    // Text of qrcode-generator's own code (booleans: a failure must not print a megabyte of bundle).
    const marker = 'code length overflow';
    expect([bundle.includes('./qr-libraries.bundle.cjs'), bundle.includes(marker), encoder.includes(marker)]).toEqual([true, false, true]);
  });
});
