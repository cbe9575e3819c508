import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import { isLanguage, LANGUAGES } from '../i18n/words.js';
import { PACKAGE_ROOT } from '../options.js';

/**
 * A short, commented starter deck that builds as it is: each kind of field, a table, a chart and sentences with
 * figures. Never overwrites a file. Its editor schema is written by the first build, next to it.
 */
export function writeStarter(file: string, language: string): { readonly file: string; readonly outDir: string } {
  if (!file.endsWith('.yaml') && !file.endsWith('.yml')) throw new DeckError({ code: 'usage', ...messages.newNeedsYaml(file) });
  if (existsSync(file)) throw new DeckError({ code: 'usage', ...messages.newExists(file) });
  if (!isLanguage(language)) throw new DeckError({ code: 'usage', ...messages.unknownLanguage(language, LANGUAGES) });
  const starter = readFileSync(join(PACKAGE_ROOT, 'templates', 'starters', `${language}.yaml`), 'utf8');
  const name = basename(file);
  const deckDir = `${file.replace(/\.ya?ml$/, '')}-deck`;
  const text = starter
    .replaceAll('__SCHEMA__', name.replace(/\.ya?ml$/, '.schema.json'))
    .replaceAll('__FILE__', file)
    .replaceAll('__DECK__', deckDir);
  try {
    writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DeckError({ code: 'file', ...messages.fileUnreadable(file, reason), file }, { cause: error });
  }
  return { file, outDir: deckDir };
}
