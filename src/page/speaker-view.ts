import { runInNewContext } from 'node:vm';

/** The inline code of a page: what its CSP must allow by hash. */
export interface InlineCode {
  /** The text of each inline <script>, exactly as between the tags. */
  readonly scripts: readonly string[];
  /** The text of each <style> element. */
  readonly styles: readonly string[];
  /** The values of style="" attributes in the markup. */
  readonly styleAttributes: readonly string[];
}

const WRITE_CALL = '.document.write(`';

/**
 * The speaker view's own inline code. reveal's notes plugin opens an about:blank popup and document.write()s a
 * whole page into it (one <script>, one <style>, two style="display: none" attributes). An about:blank window
 * inherits its opener's CSP, so without these hashes in the deck's policy the S key would open a blank,
 * dead window. The page is read from the plugin we inline, so a reveal upgrade cannot leave the hashes stale.
 */
export function readSpeakerViewCode(notesJs: string): InlineCode {
  // The plugin is the same text on every rebuild of a process; running it through vm again costs ~2 ms each time.
  if (lastRead?.notesJs === notesJs) return lastRead.code;
  const code = extractSpeakerViewCode(notesJs);
  lastRead = { notesJs, code };
  return code;
}

let lastRead: { readonly notesJs: string; readonly code: InlineCode } | undefined;

function extractSpeakerViewCode(notesJs: string): InlineCode {
  const html = readWrittenPage(notesJs);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
  // Attributes are looked for in the markup only: the script's own text may mention style="" in strings.
  const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '');
  const styleAttributes = [...new Set([...markup.matchAll(/\sstyle="([^"]*)"/g)].map((match) => match[1] ?? ''))];
  if (scripts.length === 0)
    throw new Error("the notes plugin's speaker view has no inline <script>: reveal.js changed how it opens the view");
  return { scripts, styles, styleAttributes };
}

/** The page the plugin writes: the one template literal passed to document.write(), cooked as JS would. */
function readWrittenPage(notesJs: string): string {
  const start = notesJs.indexOf(WRITE_CALL);
  if (start < 0 || notesJs.indexOf(WRITE_CALL, start + 1) >= 0) {
    throw new Error('the notes plugin does not write its speaker view with exactly one document.write(`...`): reveal.js changed');
  }
  const bodyStart = start + WRITE_CALL.length;
  let end = bodyStart;
  while (end < notesJs.length && notesJs[end] !== '`') end += notesJs[end] === '\\' ? 2 : 1;
  const raw = notesJs.slice(bodyStart, end);
  if (raw.includes('${')) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the message names a literal "${...}", not a placeholder.
    throw new Error('the speaker view template now has ${...} parts: its text is no longer fixed, so it cannot be hashed');
  }
  // A template literal without ${} is a constant: evaluating it only cooks its escapes (\x3C, \\, \/) into the
  // exact string the browser receives. The empty context gives it nothing to reach.
  const cooked: unknown = runInNewContext(`\`${raw}\``, {}, { timeout: 1000 });
  if (typeof cooked !== 'string') throw new Error('the speaker view template did not evaluate to text');
  return cooked;
}
