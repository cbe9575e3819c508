import { messages, type Message, type MessageCatalogue } from '../errors/messages.js';
import { spanishMessages } from '../errors/messages-es.js';
import { isLanguage, LANGUAGES, type Language } from './words.js';

// The CLI speaks each language a deck can be written in: a language without its messages is a type error here.
const CATALOGUES: Readonly<Record<Language, MessageCatalogue>> = { en: messages, es: spanishMessages };

/** The catalogue the CLI prints in. */
export function findMessages(language: Language): MessageCatalogue {
  return CATALOGUES[language];
}

/**
 * The CLI's language: --lang when given, else the system's, read as POSIX does: the first of LC_ALL, LC_MESSAGES and
 * LANG that is set and not empty ("es_EC.UTF-8" → es). A system language datadeck does not speak, C or POSIX → English.
 */
export function chooseCliLanguage(input: {
  readonly flag: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}): { language: Language } | { problem: Message } {
  if (input.flag !== undefined) {
    const wanted = input.flag.trim().toLowerCase();
    return isLanguage(wanted) ? { language: wanted } : { problem: messages.badCliLanguage(input.flag, LANGUAGES) };
  }
  const system = [input.env.LC_ALL, input.env.LC_MESSAGES, input.env.LANG].find((value) => value !== undefined && value !== '');
  const language = system?.split(/[_.@-]/)[0]?.toLowerCase() ?? '';
  return { language: isLanguage(language) ? language : 'en' };
}
