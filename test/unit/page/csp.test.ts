import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/build.js';
import { buildContentSecurityPolicy, hashSource } from '../../../src/page/csp.js';
import { readSpeakerViewCode } from '../../../src/page/speaker-view.js';
import { createTestOptions, DEFAULT_DATA } from '../../helpers.js';

const notesJs = readFileSync(createRequire(import.meta.url).resolve('reveal.js/plugin/notes'), 'utf8');

/** The policy a built deck carries, read back from its <meta> tag as a browser would (entities decoded). */
function readPolicy(html: string): string {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return content
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&');
}

async function buildHtml(isPublic: boolean): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'datadeck-csp-'));
  const built = await buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir, isPublic }));
  return readFileSync(built.outFile, 'utf8');
}

describe('buildContentSecurityPolicy', () => {
  it('allows scripts and styles by hash only: nothing inline by default, no eval, no origin', () => {
    const policy = buildContentSecurityPolicy({ scripts: ['alert(1)'], styles: ['p{}'] });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(policy).toContain(`style-src ${hashSource('p{}')}`);
    expect(policy).toContain("frame-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it("admits style attributes only through 'unsafe-hashes' and their exact hash", () => {
    const policy = buildContentSecurityPolicy({ scripts: [], styles: [], styleAttributes: ['display: none'] });
    expect(policy).toContain(`style-src 'unsafe-hashes' ${hashSource('display: none')}`);
    expect(policy).toContain("script-src 'none'");
  });
});

describe('readSpeakerViewCode', () => {
  it("finds the inline script, style and style attributes of reveal's speaker view", () => {
    const code = readSpeakerViewCode(notesJs);
    expect(code.scripts).toHaveLength(1);
    expect(code.scripts[0]).toContain('reveal-notes');
    expect(code.styles).toHaveLength(1);
    expect(code.styleAttributes).toEqual(['display: none']);
  });
});

describe('the policy of a built deck', () => {
  it('comes before any script or style and lists the hash of every inline script and style of the page', async () => {
    const html = await buildHtml(false);
    const policy = readPolicy(html);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style>'));
    const inline = [...html.matchAll(/<(script|style)>([\s\S]*?)<\/\1>/g)].map((match) => match[2] ?? '');
    expect(inline.length).toBeGreaterThanOrEqual(4);
    for (const text of inline) expect(policy).toContain(hashSource(text));
    expect(policy).toContain("frame-src 'self'");
  });

  it('of a public deck leaves out the speaker view and lets nothing frame', async () => {
    const policy = readPolicy(await buildHtml(true));
    const speaker = readSpeakerViewCode(notesJs);
    expect(policy).not.toContain(hashSource(speaker.scripts[0] ?? ''));
    expect(policy).not.toContain('unsafe-hashes');
    expect(policy).toContain("frame-src 'none'");
  });
});
