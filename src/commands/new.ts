import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import { isLanguage, LANGUAGES } from '../i18n/words.js';
import { PACKAGE_ROOT } from '../options.js';

/**
 * A short, commented starter deck that builds as it is: each kind of field, a table, a chart and sentences with
 * figures. Never overwrites a file. Its editor schema is written by the first build, next to it.
 */
export function writeStarter(file: string, language: string, cwd: string): StarterFiles {
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
  return { file, outDir: deckDir, workflow: writePagesWorkflow({ file, deckDir, cwd }) };
}

export interface StarterFiles {
  readonly file: string;
  readonly outDir: string;
  /** The GitHub Pages workflow, and whether this run wrote it (false: one was there already, left as it was). */
  readonly workflow: { readonly file: string; readonly isWritten: boolean };
}

/** Where GitHub looks for workflows, from the root of the repository. */
export const PAGES_WORKFLOW = '.github/workflows/pages.yml';

/**
 * A GitHub Pages workflow that builds this deck on every push and publishes its folder, with --url from Pages' own
 * address: at the root of the git repository the deck is in (or next to the deck, for a repository not made yet).
 * An existing one is left alone: it publishes the deck it was written for.
 */
function writePagesWorkflow(input: { file: string; deckDir: string; cwd: string }): { readonly file: string; readonly isWritten: boolean } {
  const deckFolder = dirname(resolve(input.cwd, input.file));
  const root = findRepositoryRoot(deckFolder) ?? deckFolder;
  const target = join(root, PAGES_WORKFLOW);
  const shown = relative(input.cwd, target);
  const display = shown === '' || shown.startsWith('..') ? target : shown;
  if (existsSync(target)) return { file: display, isWritten: false };
  const fromRoot = (path: string) => relative(root, resolve(input.cwd, path)).split(sep).join('/');
  const text = readFileSync(join(PACKAGE_ROOT, 'templates', 'starters', 'pages.yml'), 'utf8')
    .replaceAll('__FILE__', fromRoot(input.file))
    .replaceAll('__DECK__', fromRoot(input.deckDir));
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DeckError({ code: 'file', ...messages.outUnwritable(dirname(display), reason) }, { cause: error });
  }
  return { file: display, isWritten: true };
}

/** The nearest folder up from `dir` that holds .git, or undefined. */
function findRepositoryRoot(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}
