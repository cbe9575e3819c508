import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readSpeakerViewCode } from '../../../src/page/speaker-view.js';
import { trimNotesPlugin } from '../../../src/page/trim-notes-plugin.js';
import { ROOT } from '../../helpers.js';

const notesJs = readFileSync(`${ROOT}node_modules/reveal.js/dist/plugin/notes.js`, 'utf8');

/** The plugin run as a browser runs it (its UMD wrapper sets RevealNotes on the global object), and what it gives. */
function loadPlugin(code: string): { id: unknown; init: unknown } {
  const sandbox: Record<string, unknown> = {};
  runInNewContext(code, sandbox);
  const factory = sandbox.RevealNotes;
  if (typeof factory !== 'function') throw new Error('the plugin set no RevealNotes');
  return factory() as { id: unknown; init: unknown };
}

describe("the notes plugin without its Markdown parser, which datadeck's notes never use", () => {
  const trimmed = trimNotesPlugin(notesJs);

  it('is 40 kB smaller: the bundled marked is gone', () => {
    expect(notesJs).toContain('https://github.com/markedjs/marked');
    expect(trimmed).not.toContain('markedjs');
    expect(notesJs.length - trimmed.length).toBeGreaterThan(40_000);
  });

  it('still runs, and gives reveal the same notes plugin', () => {
    const plugin = loadPlugin(trimmed);
    expect(plugin.id).toBe('notes');
    expect(typeof plugin.init).toBe('function');
  });

  it('keeps the speaker view page it writes, byte for byte', () => {
    expect(readSpeakerViewCode(trimmed)).toEqual(readSpeakerViewCode(notesJs));
  });

  it('hands a note back as it is where marked would have parsed it', () => {
    // What the factory defines before it returns the plugin: the function the speaker view gets as `marked`.
    const body = trimmed.slice(trimmed.indexOf('(this,function(){') + '(this,function(){'.length, trimmed.indexOf('return ()=>'));
    const marked = runInNewContext(`(function(){${body}return $})()`, {}) as { parse(text: string): string };
    expect(marked.parse('Nota &lt;b&gt;')).toBe('Nota &lt;b&gt;');
  });

  it('refuses, naming what it looked for, a plugin that is not the pinned release', () => {
    expect(() => trimNotesPlugin(notesJs.replace('breaks:!1', 'breaks:!0'))).toThrow(/pin reveal\.js 6\.0\.2/);
    expect(() => trimNotesPlugin('(function(){})()')).toThrow(/notes plugin/);
  });
});
