import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { LANGUAGES, type DeckWords, type Language } from '../src/i18n/words.js';
import { listRevealWords } from '../src/page/localize-reveal.js';

/** The words of a text, lowercased; one-letter words ("a", "y", "o") are left out: they belong to both languages. */
export function wordsOf(text: string): string[] {
  return (text.match(/\p{L}{2,}/gu) ?? []).map((word) => word.toLowerCase());
}

// Common words of each language that a half-translated screen would show, beyond the catalogues' own.
const COMMON: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'the',
    'to',
    'of',
    'and',
    'on',
    'is',
    'slide',
    'slides',
    'next',
    'previous',
    'click',
    'press',
    'loading',
    'upcoming',
    'shortcuts',
    'keyboard',
    'speaker',
    'view',
    'notes',
    'time',
    'layout',
    'pause',
    'resume',
    'presentation',
    'not',
    'reported',
    'continued',
    'times',
    'million',
    'billion',
    'author',
    'date',
    'group',
    'mark',
    'container',
    'axis',
    'legend',
    'titled',
  ],
  es: [
    'de',
    'del',
    'la',
    'el',
    'los',
    'las',
    'en',
    'para',
    'con',
    'por',
    'una',
    'que',
    'diapositiva',
    'diapositivas',
    'siguiente',
    'anterior',
    'notas',
    'tiempo',
    'pausa',
    'veces',
    'vez',
    'millones',
    'mil',
    'continúa',
    'continuación',
    'reportado',
    'autor',
    'fecha',
    'presentador',
    'teclado',
  ],
};

const CATALOGUES: Readonly<Record<Language, DeckWords>> = { en, es };

function catalogueWords(words: DeckWords): string[] {
  const deck = [
    words.notReported,
    words.rangeBetween,
    words.times.one,
    words.times.other,
    words.continued,
    words.continues,
    words.author,
    words.course,
    words.date,
  ];
  return [...deck, ...listRevealWords(words)].flatMap(wordsOf);
}

/**
 * The words that would give away another language on a screen of `language`: the other catalogues' words and their
 * common words, less any word this language writes too (Alt, reveal, totalTime, no…).
 */
export function foreignWords(language: Language): Set<string> {
  const own = new Set([...catalogueWords(CATALOGUES[language]), ...COMMON[language]]);
  const others = LANGUAGES.filter((other) => other !== language);
  return new Set(others.flatMap((other) => [...catalogueWords(CATALOGUES[other]), ...COMMON[other]]).filter((word) => !own.has(word)));
}

/** The words of `text` that belong to another language. */
export function findForeignWords(text: string, language: Language): string[] {
  const foreign = foreignWords(language);
  return [...new Set(wordsOf(text).filter((word) => foreign.has(word)))];
}
