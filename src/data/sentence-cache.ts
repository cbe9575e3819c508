import { parseSentence, type Sentence, type SentenceProblem } from './sentences.js';

/** Text → its parsed sentence (or syntax problem): a rebuild parses only the texts that changed. */
export type SentenceCache = Map<string, { sentence: Sentence } | { problem: SentenceProblem }>;

export function readSentence(cache: SentenceCache, text: string): { sentence: Sentence } | { problem: SentenceProblem } {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = parseSentence(text);
    cache.set(text, parsed);
  }
  return parsed;
}
