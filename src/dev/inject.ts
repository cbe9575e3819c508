import { createHash } from 'node:crypto';
import { hashSource } from '../page/csp.js';
import { SHELL_ATTRIBUTE } from './client.js';

/**
 * The served page with the live-reload script before </body>. Only the HTTP response changes: the file on disk
 * stays byte-identical to `npm run build`'s. A Content-Security-Policy meta is widened just enough for the script.
 */
export function injectDevClient(html: string, script: string): string {
  const tag = `<script ${SHELL_ATTRIBUTE}="${hashShell(html)}">${script}</script>\n`;
  const end = html.search(/<\/body>(?![\s\S]*<\/body>)/i);
  const withScript = end === -1 ? `${html}${tag}` : `${html.slice(0, end)}${tag}${html.slice(end)}`;
  return rewritePolicyMeta(withScript, (policy) => allowDevClient(policy, hashSource(script)));
}

/**
 * A hash of the page without its slides: the reveal.js code, the styles and fonts, the policy. Two pages with the
 * same shell differ only in their <section>s, which the client can swap without loading the page again.
 */
export function hashShell(html: string): string {
  const start = html.indexOf('<section');
  const end = html.lastIndexOf('</section>');
  const hash = createHash('sha256');
  if (start === -1 || end < start) return hash.update(html, 'utf8').digest('base64url');
  return hash
    .update(html.slice(0, start), 'utf8')
    .update(html.slice(end + '</section>'.length), 'utf8')
    .digest('base64url');
}

const POLICY_META = /<meta\b[^>]*\bhttp-equiv\s*=\s*(["']?)content-security-policy\1[^>]*>/gi;
const CONTENT_ATTRIBUTE = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

function rewritePolicyMeta(html: string, rewrite: (policy: string) => string): string {
  return html.replace(POLICY_META, (meta) =>
    meta.replace(CONTENT_ATTRIBUTE, (_match, double?: string, single?: string) => {
      const policy = rewrite(decodeAttribute(double ?? single ?? ''));
      // Double quotes around it: a policy quotes its keywords with single quotes and never holds a double one.
      return `content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`;
    }),
  );
}

// Handlebars writes the policy with entities (&#x27; for ', &#x3D; for =); the browser reads it decoded.
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return NAMED_ENTITIES[lower] ?? entity;
  });
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** The policy plus this script's hash for <script> elements and 'self' for the events stream; nothing else widens. */
export function allowDevClient(policy: string, hash: string): string {
  const directives = parsePolicy(policy);
  const fallback = directives.get('default-src');
  const scripts = directives.get('script-src') ?? fallback;
  if (scripts !== undefined) directives.set('script-src', allowSource(scripts, hash, isInlineAllowed(scripts)));
  const elements = directives.get('script-src-elem');
  if (elements !== undefined) directives.set('script-src-elem', allowSource(elements, hash, isInlineAllowed(elements)));
  const connections = directives.get('connect-src') ?? fallback;
  if (connections !== undefined) directives.set('connect-src', allowSource(connections, "'self'", connections.includes('*')));
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

// 'unsafe-inline' stops working once a hash is listed, so a policy that already allows inline scripts is left alone.
function isInlineAllowed(sources: readonly string[]): boolean {
  return sources.includes("'unsafe-inline'") && !sources.some((source) => /^'(sha(256|384|512)|nonce)-/.test(source));
}

function allowSource(sources: readonly string[], source: string, isAllowed: boolean): string[] {
  if (isAllowed || sources.includes(source)) return [...sources];
  return [...sources.filter((existing) => existing !== "'none'"), source];
}
