import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** A .pptx unpacked: every part's text by its path inside the zip (binary parts as latin1, for their names). */
export interface UnpackedPptx {
  readonly parts: ReadonlyMap<string, string>;
  readonly names: readonly string[];
  read(name: string): string;
  /** ppt/slides/slideN.xml in slide order. */
  readonly slides: readonly string[];
}

export async function unpackPptx(file: string | Uint8Array): Promise<UnpackedPptx> {
  const zip = await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file);
  const parts = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async('string'));
  }
  const names = [...parts.keys()];
  const slideNumber = (name: string) => Number(/slide(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  const slides = names.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).sort((a, b) => slideNumber(a) - slideNumber(b));
  const read = (name: string) => {
    const text = parts.get(name);
    if (text === undefined) throw new Error(`${name} is not in the file; it has ${names.join(', ')}`);
    return text;
  };
  return { parts, names, read, slides: slides.map(read) };
}

/** The text of every <a:t> (and chart <c:v>) in a part, entities decoded: what a reader of the slide sees. */
export function readTexts(xml: string, tag = 'a:t'): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g'))].map((match) => decodeXml(match[1] ?? ''));
}

export function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_match, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? '';
  });
}

/**
 * Whether a part is well-formed XML: every tag closed in order, every attribute quoted with nothing raw in it,
 * every & an entity. Data that escaped its text would break one of these (PowerPoint then refuses the file).
 */
export function findXmlProblem(xml: string): string | undefined {
  const stack: string[] = [];
  const token =
    /<\?[^?]*\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (const match of xml.matchAll(token)) {
    const [whole, closing, name, attributes = '', selfClosing] = match;
    if (whole === '<') return `a raw "<" at ${match.index}: ${xml.slice(match.index, match.index + 60)}`;
    if (whole.startsWith('&')) return `a raw "&" at ${match.index}: ${xml.slice(match.index, match.index + 60)}`;
    if (name === undefined) continue;
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attributes)) return `a raw "&" in an attribute of <${name}>`;
    if (closing === '/') {
      if (stack.pop() !== name) return `</${name}> closes another element at ${match.index}`;
    } else if (selfClosing !== '/') stack.push(name);
  }
  return stack.length === 0 ? undefined : `<${stack.join('>, <')}> never closed`;
}
