import { lineStartsOf } from '../errors/locate.js';

/**
 * A title from a .bib file in sentence case, as APA 7 and IEEE write a work's title (and as CSL expects titles to
 * be stored: a style that wants title case makes it). Google Scholar and most exports write titles in title case.
 * As biblatex-apa does, a word keeps its capitals when the .bib protects it with braces ({Python}, {P}ython), when
 * it has capitals past its first letter (ACM, JavaScript, GPT-4), or when it starts the title or follows a colon,
 * question mark or full stop.
 */
export function toSentenceCase(title: string, protectedTexts: readonly string[]): string {
  // Where each protected text stands in the title, in order: a word that touches one keeps its letters.
  const kept: [number, number][] = [];
  let from = 0;
  for (const text of protectedTexts) {
    const at = text === '' ? -1 : title.indexOf(text, from);
    if (at < 0) continue;
    kept.push([at, at + text.length]);
    from = at + text.length;
  }
  let isStart = true;
  return title.replace(/\S+/g, (word: string, at: number) => {
    let offset = at;
    const cased = word
      .split('-')
      .map((part, index) => {
        const start = offset;
        offset += part.length + 1;
        const isKept = (isStart && index === 0) || kept.some(([begin, end]) => start < end && start + part.length > begin);
        return isKept ? part : lowerPart(part);
      })
      .join('-');
    isStart = /[:?!.—]$/.test(word);
    return cased;
  });
}

function lowerPart(part: string): string {
  const bare = part.replace(/^[^\p{L}\p{N}]+/u, '');
  // Only a capital followed by small letters is title case; anything else (ACM, iPhone, GPT-4) is written so on purpose.
  if (bare === 'I' || !/^\p{Lu}\p{Ll}*[^\p{L}]*$/u.test(bare)) return part;
  const first = bare[0] ?? '';
  return part.replace(first, first.toLowerCase());
}

/**
 * The texts a BibTeX value protects with inner braces: `{Energy across {Python}}` → ["Python"]. A group that
 * starts with a backslash is an accent or a command ({\'a}), not a protection.
 */
export function findProtectedTexts(value: string): string[] {
  const texts: string[] = [];
  const quoted = value.startsWith('"');
  let depth = 0;
  let start = -1;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (char === '{') {
      depth += 1;
      if (depth === (quoted ? 1 : 2)) start = index + 1;
    } else if (char === '}') {
      if (depth === (quoted ? 1 : 2) && start >= 0) {
        const inner = value.slice(start, index);
        if (!inner.startsWith('\\')) texts.push(inner.replace(/[{}]/g, ''));
        start = -1;
      }
      depth -= 1;
    }
  }
  return texts;
}

/**
 * The raw value of a BibTeX field written at `line`:`column` (1-based): a balanced {…} or "…", or a bare word.
 * A caller reading many values of one file passes its lineStartsOf(text), made once.
 */
export function readBibtexValue(text: string, line: number, column: number, lineStarts: readonly number[] = lineStartsOf(text)): string {
  const offset = (lineStarts[line - 1] ?? text.length) + column - 1;
  const open = text[offset];
  if (open !== '{' && open !== '"') return /^[^,}\s]*/.exec(text.slice(offset))?.[0] ?? '';
  let depth = 0;
  for (let index = offset; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (open === '{' && depth === 0) return text.slice(offset, index + 1);
    } else if (char === '"' && open === '"' && index > offset && depth === 0) return text.slice(offset, index + 1);
  }
  return text.slice(offset);
}
