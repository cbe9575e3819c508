import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';

/** The folders the loader reads templates from: the shell sits in the root, the rest one level down. */
const TEMPLATE_FOLDERS = ['', 'layouts', 'partials', 'charts', 'themes'];
// What the loader reads: a swap file, a backup (deck.hbs~) or the build's own output must not trigger a rebuild.
const TEMPLATE_FILE = /\.(hbs|json|css)$/;

// A spreadsheet next to the data file that rows: may name; Excel's lock file (~$datos.xlsx) is not one.
const SHEET_FILE = /^(?!~\$).+\.(csv|tsv|xlsx)$/i;

export interface ProjectWatch {
  /** Also watch a file the build read elsewhere (a spreadsheet in another folder); a file already watched is ignored. */
  follow(file: string): void;
  close(): void;
}

/**
 * Calls `onChange` with a display name each time the data file, its spreadsheet or a template file is saved.
 * Folders are watched, not files: editors that save by renaming a new file over the old one would end a file watch.
 */
export function watchProject(options: {
  dataFile: string;
  templatesDir: string;
  onChange: (file: string) => void;
  onError: (error: Error) => void;
}): ProjectWatch {
  const { dataFile, templatesDir, onChange } = options;
  const dataName = basename(dataFile);
  // Without its folder there is nothing to watch for the file to appear in.
  if (!existsSync(dirname(dataFile))) throw new DeckError({ code: 'file', ...messages.fileMissing(dataFile), file: dataFile });
  const dataDir = dirname(dataFile);
  // Linux always names the file; elsewhere a nameless event may be the data file, so it counts as one. A spreadsheet
  // beside it is watched from the start, so a build that failed on the spreadsheet still rebuilds when it is saved.
  const watchers: FSWatcher[] = [
    watchFolder(dataDir, (name) =>
      name === null || name === dataName ? dataFile : SHEET_FILE.test(name) ? join(dataDir, name) : undefined,
    ),
  ];
  const followed = new Set<string>();
  // A deck's own charts and layouts sit in charts/ and layouts/ next to its data file.
  for (const [folder, extension] of [
    ['charts', '.vl.json'],
    ['layouts', '.hbs'],
  ] as const) {
    const dir = join(dirname(dataFile), folder);
    if (existsSync(dir))
      watchers.push(watchFolder(dir, (name) => (name === null || name.endsWith(extension) ? join(dir, name ?? '') : undefined)));
  }
  for (const folder of TEMPLATE_FOLDERS) {
    const dir = join(templatesDir, folder);
    // One watch per folder rather than `recursive`: the loader reads exactly these, and no deeper.
    const shown = (name: string) => join('templates', folder, name);
    if (existsSync(dir))
      watchers.push(watchFolder(dir, (name) => (name === null ? shown('') : TEMPLATE_FILE.test(name) ? shown(name) : undefined)));
  }
  function watchFolder(dir: string, pick: (name: string | null) => string | undefined): FSWatcher {
    const watcher = watch(dir, { persistent: true }, (_event, name) => {
      const file = pick(name);
      if (file !== undefined) onChange(file);
    });
    watcher.on('error', options.onError);
    return watcher;
  }
  return {
    follow(file) {
      const dir = dirname(file);
      if (followed.has(file) || (resolve(dir) === resolve(dataDir) && SHEET_FILE.test(basename(file)))) return;
      followed.add(file);
      if (existsSync(dir)) watchers.push(watchFolder(dir, (name) => (name === null || name === basename(file) ? file : undefined)));
    },
    close: () => {
      for (const watcher of watchers) watcher.close();
    },
  };
}
