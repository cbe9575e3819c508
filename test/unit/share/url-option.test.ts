import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/errors/messages.js';
import { spanishMessages } from '../../../src/errors/messages-es.js';
import { ROOT } from '../../helpers.js';

const run = promisify(execFile);

async function runDatadeck(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'lib/main.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: '/nonexistent/chrome' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && 'stdout' in error && 'stderr' in error)
      return { code: Number(error.code), stdout: String(error.stdout), stderr: String(error.stderr) };
    throw error;
  }
}

describe('datadeck build --url', () => {
  it('refuses an address a crawler could not open with exit code 2, in either language', async () => {
    const english = await runDatadeck(['build', '--url', 'http://localhost:8000/', '--out', mkdtempSync(join(tmpdir(), 'dd-url-'))]);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain(messages.badUrlOption('http://localhost:8000/').message);
    const spanish = await runDatadeck(['build', '--url', 'mi-sitio/', '--lang', 'es']);
    expect(spanish.code).toBe(2);
    expect(spanish.stderr).toContain(spanishMessages.badUrlOption('mi-sitio/').message);
  });

  it('is refused by a command that has no use for it', async () => {
    const checked = await runDatadeck(['check', '--url', 'https://ana.github.io/x/']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(messages.optionNotForCommand('url', 'check', ['build', 'pdf', 'pptx', 'dev']).message);
  });

  it('builds without a browser, says the preview image was skipped and why, and names no image', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dd-url-'));
    const built = await runDatadeck(['build', '--url', 'https://ana.github.io/x', '--out', out]);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain(messages.previewBrowserPath('/nonexistent/chrome').message);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<meta property="og:url" content="https://ana.github.io/x/">');
    expect(html).not.toContain('og:image');
  });
});
