import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { isCi } from './browser.js';

const run = promisify(execFile);

/** LibreOffice opens the .pptx the way a teammate without PowerPoint would; .ci/run installs it (libreoffice-impress). */
const hasLibreOffice = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'libreoffice')));
export const isLibreOfficeMissing = !hasLibreOffice && !isCi;

export function announceLibreOfficeSkip(suite: string): void {
  if (isLibreOfficeMissing)
    console.warn(
      `\n⚠ SKIPPED (not passed): ${suite}\n  libreoffice is not installed. To run it: sudo apt-get install libreoffice-impress\n`,
    );
}

/** Every file converted to PDF in one LibreOffice run, with a profile of its own (a second instance would wait on the first's lock). */
export async function convertToPdf(files: readonly string[], outDir: string): Promise<void> {
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'datadeck-lo-profile-'))).href;
  await run('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    timeout: 180_000,
  });
}

/** Each page as a PNG at 50 dpi (page-01.png…), for a person to look at. */
export async function renderPages(pdf: string, prefix: string): Promise<void> {
  await run('pdftoppm', ['-png', '-r', '50', pdf, prefix]);
}
