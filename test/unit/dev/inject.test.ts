import { describe, expect, it } from 'vitest';
import { createClientScript, EVENTS_PATH, SHELL_ATTRIBUTE } from '../../../src/dev/client.js';
import { allowDevClient, hashShell, injectDevClient } from '../../../src/dev/inject.js';
import { buildContentSecurityPolicy, hashSource } from '../../../src/page/csp.js';

const SCRIPT = createClientScript({ endpoint: EVENTS_PATH, version: 'v1', title: 'title', hint: 'hint' });
const DECK_SCRIPTS = ['Reveal.initialize({});'];

/** A page shaped like the deck: its policy in a meta tag, written with entities as Handlebars escapes it. */
function page(policy: string): string {
  const escaped = policy.replaceAll("'", '&#x27;').replaceAll('=', '&#x3D;');
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${escaped}"></head><body><p>slides</p><script>${DECK_SCRIPTS[0]}</script></body></html>`;
}

function servedPolicy(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  if (content === undefined) throw new Error('no policy meta in the served page');
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('injectDevClient', () => {
  it("puts the script just before </body>, after the deck, marked with the page's shell", () => {
    const original = page(buildContentSecurityPolicy({ scripts: DECK_SCRIPTS, styles: [] }));
    const html = injectDevClient(original, SCRIPT);
    expect(html).toContain(
      `<script>${DECK_SCRIPTS[0]}</script><script ${SHELL_ATTRIBUTE}="${hashShell(original)}">${SCRIPT}</script>\n</body>`,
    );
  });

  it("lets the deck's policy run exactly this script and open the event stream, and widens nothing else", () => {
    const policy = buildContentSecurityPolicy({ scripts: DECK_SCRIPTS, styles: ['p{}'] });
    const served = servedPolicy(injectDevClient(page(policy), SCRIPT));
    const original = new Map(
      policy
        .split('; ')
        .map((directive) => directive.split(' '))
        .map(([name = '', ...sources]) => [name, sources]),
    );
    expect(served.get('script-src')).toEqual([...(original.get('script-src') ?? []), hashSource(SCRIPT)]);
    expect(served.get('connect-src')).toEqual(["'self'"]);
    for (const [name, sources] of original) if (name !== 'script-src') expect(served.get(name), name).toEqual(sources);
  });

  it('leaves a page without a policy unchanged but for the script', () => {
    const html = '<html><body><p>x</p></body></html>';
    expect(injectDevClient(html, SCRIPT)).toBe(
      `<html><body><p>x</p><script ${SHELL_ATTRIBUTE}="${hashShell(html)}">${SCRIPT}</script>\n</body></html>`,
    );
  });
});

describe('hashShell: whether a new deck can be swapped in without loading the page', () => {
  const deck = (slides: string, css = 'p{}') =>
    `<html><head><style>${css}</style></head><body><div class="reveal"><div class="slides">${slides}</div></div><script>Reveal.initialize()</script></body></html>`;

  it('is the same when only the slides changed', () => {
    expect(hashShell(deck('<section>2.000</section><section><section>a</section></section>'))).toBe(
      hashShell(deck('<section>2.400</section>')),
    );
  });

  it('differs when the styles (or anything else outside the slides) changed', () => {
    expect(hashShell(deck('<section>a</section>', 'p{color:red}'))).not.toBe(hashShell(deck('<section>a</section>')));
  });
});

describe('allowDevClient', () => {
  it('keeps a policy that already allows inline scripts as it is: a hash would switch unsafe-inline off', () => {
    expect(allowDevClient("script-src 'unsafe-inline'; connect-src *", "'sha256-x'")).toBe("script-src 'unsafe-inline'; connect-src *");
  });

  it('builds script-src and connect-src from default-src when the policy has only that', () => {
    expect(allowDevClient("default-src 'self'", "'sha256-x'")).toBe("default-src 'self'; script-src 'self' 'sha256-x'; connect-src 'self'");
  });

  it("replaces 'none' rather than listing a source beside it", () => {
    expect(allowDevClient("script-src 'none'; connect-src 'none'", "'sha256-x'")).toBe("script-src 'sha256-x'; connect-src 'self'");
  });
});

describe('createClientScript', () => {
  it('cannot close its <script> element, whatever the messages say', () => {
    const script = createClientScript({ endpoint: EVENTS_PATH, version: 'v1', title: '</script><script>alert(1)</script>', hint: '' });
    expect(script).not.toMatch(/<\/script/i);
  });
});
