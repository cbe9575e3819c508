import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { es } from '../../../src/i18n/es.js';
import { findWords, LANGUAGES } from '../../../src/i18n/words.js';
import { checkRevealWords, localizeReveal, REVEAL_VERSION } from '../../../src/page/localize-reveal.js';
import { readSpeakerViewCode } from '../../../src/page/speaker-view.js';
import { ROOT } from '../../helpers.js';
import { findForeignWords } from '../../language-words.js';

const read = (file: string): string => readFileSync(`${ROOT}node_modules/reveal.js/dist/${file}`, 'utf8');
const code = { revealJs: read('reveal.js'), notesJs: read('plugin/notes.js') };
const manifest: unknown = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const installed: unknown = JSON.parse(readFileSync(`${ROOT}node_modules/reveal.js/package.json`, 'utf8'));

describe("reveal.js in the deck's language", () => {
  it('is pinned to the exact release its translations were written against', () => {
    expect(manifest).toMatchObject({ dependencies: { 'reveal.js': REVEAL_VERSION } });
    expect(installed).toMatchObject({ version: REVEAL_VERSION });
  });

  it('finds every English text it replaces, exactly once, in the installed reveal.js', () => {
    for (const language of LANGUAGES) expect(() => localizeReveal(code, findWords(language), language)).not.toThrow();
  });

  it("leaves none of reveal's English on a Spanish deck's screens", () => {
    const spanish = localizeReveal(code, es, 'es');
    for (const english of [
      'Keyboard Shortcuts',
      'Resume presentation',
      '`Next slide`',
      'aria-label="above slide"',
      'Upcoming',
      'Click to Reset',
      '>Notes<',
      "'Notes only'",
      'Jump to slide',
      'Speaker notes view',
      'No notes on this slide',
      '<html lang="en">',
      "'en-US', { hour12: true",
    ]) {
      expect(spanish.revealJs + spanish.notesJs).not.toContain(english);
    }
    expect(spanish.notesJs).toContain('<html lang="es">');
    expect(spanish.notesJs).toContain("toLocaleTimeString( 'es', { hour12: false,");
  });

  it('fails the build, naming the text, when an upgrade changes one of those strings', () => {
    const upgraded = { ...code, revealJs: code.revealJs.replace('Resume presentation', 'Resume') };
    expect(() => localizeReveal(upgraded, es, 'es')).toThrow(
      /"<button class=\\"resume-button\\">Resume presentation<\/button>" occurs 0 times in reveal\.js/,
    );
    const notes = { ...code, notesJs: code.notesJs.replace('>Upcoming<', '>Next up<') };
    expect(() => localizeReveal(notes, en, 'en')).toThrow(/Upcoming.*plugin\/notes\.js.*pin reveal\.js 6\.0\.2/);
  });

  it("keeps the speaker view a fixed page its CSP can hash, in the deck's words", () => {
    const view = readSpeakerViewCode(localizeReveal(code, es, 'es-EC').notesJs);
    expect(view.scripts.join('')).toContain("'notes-only': 'Solo notas'");
    expect(view.scripts.join('')).toContain("toLocaleTimeString( 'es-EC'");
  });

  it('refuses a catalogue text that would break the code it is set into', () => {
    const broken = { ...es, reveal: { ...es.reveal, resume: "Seguir' + alert(1) + '" } };
    expect(() => checkRevealWords(broken)).toThrow(/plain text/);
    for (const language of LANGUAGES) expect(() => checkRevealWords(findWords(language))).not.toThrow();
    expect(() => localizeReveal(code, es, "es' + alert(1) + '")).toThrow(/not a language code/);
  });

  it('tells the languages apart: a reveal screen left in English is caught on a Spanish deck', () => {
    expect(findForeignWords('Keyboard Shortcuts · Next slide · Resume presentation', 'es')).toEqual([
      'keyboard',
      'shortcuts',
      'next',
      'slide',
      'resume',
      'presentation',
    ]);
    expect(findForeignWords('Atajos de teclado · Reanudar la presentación', 'en')).toEqual([
      'atajos',
      'de',
      'teclado',
      'reanudar',
      'la',
      'presentación',
    ]);
    expect(findForeignWords('Alt + ← · Esc', 'es')).toEqual([]);
  });
});
