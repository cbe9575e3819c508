/**
 * reveal.js 6.0.2's notes plugin bundles the whole of marked, a Markdown parser (~41 kB of the plugin's 68 kB),
 * for one use: speaker notes written as <aside class="notes" data-markdown>. datadeck writes every note as
 * escaped text, never with data-markdown, so the parser never runs; the deck carries a function in its place that
 * hands the notes' HTML back as it is. The plugin's own code, from its factory on, is kept byte for byte.
 */

// Where marked begins: the first statement of the plugin's factory, its default options.
const MARKED_START = 'function e(){return{async:!1,breaks:!1,extensions:null,gfm:!0,';
// Where it ends: the last of its exports, just before the plugin's factory `()=>{let e,t=null,n;`.
const MARKED_END = '$.walkTokens,$.parseInline,X.parse,q.lex,';
const PLUGIN_START = '()=>{let e,t=null,n;';

// `$` is marked's name in the minified bundle: the plugin gives it to the speaker view (t.marked=$), which calls
// marked.parse(notes) only for a note marked data-markdown.
const IN_ITS_PLACE = 'var $=function(e){return String(e)};$.parse=$;return ';

/** The plugin without marked; throws, naming what it looked for, if the plugin is not the pinned release's. */
export function trimNotesPlugin(notesJs: string): string {
  if (lastTrimmed?.notesJs === notesJs) return lastTrimmed.trimmed;
  const start = notesJs.indexOf(MARKED_START);
  const end = notesJs.indexOf(MARKED_END);
  const isOnce = start >= 0 && notesJs.indexOf(MARKED_START, start + 1) < 0 && end > start && notesJs.indexOf(MARKED_END, end + 1) < 0;
  if (!isOnce || !notesJs.startsWith(PLUGIN_START, end + MARKED_END.length) || !notesJs.slice(0, start).endsWith('(this,function(){')) {
    throw new Error(
      `reveal.js's notes plugin does not bundle marked as reveal.js 6.0.2 does (looked for "${MARKED_START}" … "${MARKED_END}"): pin reveal.js 6.0.2 or update src/page/trim-notes-plugin.ts`,
    );
  }
  const trimmed = notesJs.slice(0, start) + IN_ITS_PLACE + notesJs.slice(end + MARKED_END.length);
  lastTrimmed = { notesJs, trimmed };
  return trimmed;
}

let lastTrimmed: { readonly notesJs: string; readonly trimmed: string } | undefined;
