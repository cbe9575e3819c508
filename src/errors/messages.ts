/** Every user-facing sentence of datadeck, one entry per situation. Tests assert entries, not pasted text. */

export interface Message {
  readonly message: string;
  readonly hint: string;
}

const quote = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));
const describe = (value: unknown): string => {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
};
const nameList = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');

export const messages = {
  fileMissing: (file: string): Message => ({
    message: `Cannot read the data file ${file}: it does not exist.`,
    hint: 'check the path, or pass another file with --data path/to/deck.yaml',
  }),
  fileUnreadable: (file: string, reason: string): Message => ({
    message: `Cannot read ${file}: ${reason}.`,
    hint: 'check that the path is a readable file, not a folder',
  }),
  fileEmpty: (file: string): Message => ({
    message: `The data file ${file} is empty.`,
    hint: 'start from data/deck.yaml in the datadeck repository: it has meta, models and slides',
  }),
  notAMapping: (found: unknown): Message => ({
    message: `The data file must be a YAML mapping with meta, models and slides; it holds ${describe(found)}.`,
    hint: 'write top-level keys like "meta:", "models:" and "slides:" at the start of a line',
  }),
  yamlSyntax: (detail: string): Message => ({
    message: `YAML syntax error: ${detail}`,
    hint: 'check indentation (spaces, not tabs), colons after keys, and quotes around text containing ": " or "#"',
  }),
  yamlAliasBomb: (): Message => ({
    message: 'The YAML uses aliases that would expand to an enormous document.',
    hint: 'write the values out instead of using *alias references; datadeck refuses alias bombs',
  }),
  expectedNumber: (value: unknown): Message => {
    if (typeof value === 'string' && /^\s*\d+,\d+\s*$/.test(value)) {
      return {
        message: `Expected a number, got the text ${quote(value)}.`,
        hint: `write the decimal with a point: ${value.trim().replace(',', '.')}`,
      };
    }
    return {
      message: `Expected a number, got ${describe(value)}.`,
      hint: 'write digits only, e.g. 10000 (no units, no thousands separators, no words)',
    };
  },
  expectedInteger: (value: unknown): Message => ({
    message: `Expected a whole number, got ${describe(value)}.`,
    hint: 'units are counted: write a whole number such as 512',
  }),
  expectedText: (value: unknown): Message => ({
    message: `Expected text, got ${describe(value)}.`,
    hint: 'write the text after the colon; quote it if it starts with a digit or contains ": "',
  }),
  expectedList: (value: unknown): Message => ({
    message: `Expected a list, got ${describe(value)}.`,
    hint: 'write each item on its own line starting with "- "',
  }),
  expectedMapping: (value: unknown): Message => ({
    message: `Expected a mapping of keys and values, got ${describe(value)}.`,
    hint: 'write "key: value" pairs, indented under this entry',
  }),
  expectedMonths: (value: unknown): Message => ({
    message: `Expected a number of months or a range, got ${describe(value)}.`,
    hint: 'write 2 for two months, or { min: 2, max: 3 } for "2 a 3 meses"',
  }),
  missing: (key: string): Message => ({
    message: `The required field "${key}" is missing.`,
    hint: `add "${key}:" with a value to this entry`,
  }),
  emptyText: (): Message => ({
    message: 'The text is empty.',
    hint: 'write some text, or remove the field if it is optional',
  }),
  emptyList: (): Message => ({
    message: 'The list is empty.',
    hint: 'add at least one item starting with "- "',
  }),
  notPositive: (value: unknown): Message => ({
    message: `Expected a figure above zero, got ${quote(value)}.`,
    hint: 'costs, units, months and energies must be positive; leave an optional field out when it is unknown',
  }),
  tooLarge: (value: unknown, maximum: unknown): Message => ({
    message: `Expected at most ${String(maximum)}, got ${quote(value)}.`,
    hint: `use a value of ${String(maximum)} or less`,
  }),
  energy: (value: unknown): Message => {
    const text = typeof value === 'string' ? value : '';
    const unit = /[a-zA-Z]+\s*$/.exec(text)?.[0]?.trim();
    if (/\d,\d/.test(text)) {
      return {
        message: `The energy ${quote(value)} uses a decimal comma.`,
        hint: `write the decimal with a point: ${text.replace(',', '.').trim()}`,
      };
    }
    if (typeof value === 'string' && unit !== undefined && !/^[kMGT]?Wh$/.test(unit)) {
      return {
        message: `Unknown energy unit "${unit}" in ${quote(value)}.`,
        hint: 'use one of Wh, kWh, MWh, GWh, TWh, e.g. 900 MWh',
      };
    }
    return {
      message: `Expected an energy with its unit, got ${describe(value)}.`,
      hint: 'write a number, a space and a unit (Wh, kWh, MWh, GWh, TWh), e.g. 1.2 GWh',
    };
  },
  rangeOrder: (min: unknown, max: unknown): Message => ({
    message: `The range starts above where it ends: min ${String(min)} is greater than max ${String(max)}.`,
    hint: 'swap the two values so that min ≤ max',
  }),
  duplicateModel: (name: unknown, first: number): Message => ({
    message: `The model name ${quote(name)} is used twice (first at models[${first}]).`,
    hint: 'each model needs its own name: rename one or remove the duplicate',
  }),
  costMissing: (): Message => ({
    message: 'The model has no hardware cost: neither hardwareCostUsd nor both unitPriceUsd and units.',
    hint: 'add hardwareCostUsd: 40000000, or unitPriceUsd and units so the total can be computed',
  }),
  unknownKey: (key: string, suggestion: string | undefined, allowed: readonly string[]): Message => ({
    message: `Unknown field "${key}".`,
    hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : `the fields here are: ${allowed.join(', ')}`,
  }),
  unknownLayout: (value: unknown, layouts: readonly string[]): Message => ({
    message: `Unknown layout ${quote(value)}.`,
    hint: `the layouts that exist are ${nameList(layouts)} (files in templates/layouts/)`,
  }),
  unknownChart: (value: string, charts: readonly string[]): Message => ({
    message: `Unknown chart "${value}".`,
    hint: `the charts that exist are ${nameList(charts)} (files templates/charts/<name>.vl.json)`,
  }),
  unknownTheme: (theme: string, themes: readonly string[]): Message => ({
    message: `Unknown theme "${theme}".`,
    hint: `the themes that exist are ${nameList(themes)}`,
  }),
  onlineTheme: (theme: string, offline: readonly string[]): Message => ({
    message: `The theme "${theme}" loads web fonts from the network, so the deck would not work offline.`,
    hint: `use a theme that works offline: ${nameList(offline)}`,
  }),
  badUrl: (value: unknown): Message => ({
    message: `The source URL ${quote(value)} is not an http(s) address.`,
    hint: 'write a full address starting with https:// ; other schemes such as javascript: are refused',
  }),
  badDate: (value: unknown): Message => ({
    message: `Expected a date as YYYY-MM-DD, got ${describe(value)}.`,
    hint: 'write the date as 2025-11-02 (year, month, day)',
  }),
  badLocale: (value: unknown): Message => ({
    message: `Expected a language code such as "es", got ${describe(value)}.`,
    hint: 'write locale: es',
  }),
  badTheme: (value: unknown): Message => ({
    message: `Expected a theme name in lowercase letters, digits and dashes, got ${describe(value)}.`,
    hint: 'write theme: aula',
  }),
  invalidValue: (value: unknown, allowed: readonly string[]): Message => ({
    message: `The value ${quote(value)} is not allowed here.`,
    hint: `use one of ${nameList(allowed)}`,
  }),
  invalid: (detail: string): Message => ({
    message: `Invalid value: ${detail}.`,
    hint: 'compare this entry with the same field in data/deck.yaml',
  }),
  costMismatch: (input: { model: string; units: number; unitPriceUsd: number; computed: number; given: number }): Message => ({
    message: `${input.model}: unitPriceUsd × units = ${input.unitPriceUsd} × ${input.units} = ${input.computed}, but hardwareCostUsd is ${input.given} (more than 1% apart).`,
    hint: 'correct one of the three figures, or remove unitPriceUsd to have it derived from the total',
  }),
  template: (file: string, detail: string): Message => ({
    message: `The template ${file} failed: ${detail}`,
    hint: 'check the {{...}} expressions in that file against the fields the layout receives',
  }),
  chartSpec: (chart: string, detail: string): Message => ({
    message: `The chart spec "${chart}" could not be compiled: ${detail}`,
    hint: `check templates/charts/${chart}.vl.json against the Vega-Lite documentation`,
  }),
  chartText: (chart: string, detail: string): Message => ({
    message: `The chart spec "${chart}" has no usable text alternative (${detail}).`,
    hint: `add "usermeta": { "datadeck": { "summary": "...", "table": [{ "title": "Modelo", "field": "model" }, ...] } } to templates/charts/${chart}.vl.json`,
  }),
  chartTheme: (file: string, detail: string): Message => ({
    message: `The chart theme ${file} is not a Vega-Lite config: ${detail}.`,
    hint: 'write a JSON object of Vega-Lite config properties, e.g. { "font": "Arial", "bar": { "color": "#0b5cad" } }',
  }),
  browserMissing: (searched: readonly string[]): Message => ({
    message: `No Chrome or Chromium found: CHROME_PATH is not set and none of ${searched.join(', ')} exists.`,
    hint: 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium), or set CHROME_PATH=/path/to/chrome',
  }),
  browserPathMissing: (path: string): Message => ({
    message: `CHROME_PATH is set to "${path}", but there is no file there.`,
    hint: 'point CHROME_PATH at a Chrome or Chromium program, or unset it to search the usual paths; to install one: sudo apt-get install chromium',
  }),
  browserLaunch: (path: string, detail: string): Message => ({
    message: `The browser ${path} did not start: ${detail}`,
    hint: `check that "${path} --version" works, or set CHROME_PATH to another Chrome or Chromium (sudo apt-get install chromium)`,
  }),
  printTimeout: (seconds: number): Message => ({
    message: `reveal.js did not finish laying out the slides for print within ${seconds} s.`,
    hint: 'open the deck with ?print-pdf in a browser to see what hangs, or run again with --debug',
  }),
  notesNotPublic: (): Message => ({
    message: '--notes and --public cannot be used together: a PDF with notes is for the presenter.',
    hint: 'run npm run pdf for the PDF to share, and npm run pdf -- --notes for the handout with notes',
  }),
  strictWarnings: (count: number): Message => ({
    message: `${count} warning(s) are errors under --strict.`,
    hint: 'fix the figures above, or build without --strict',
  }),
  usage: (detail: string): Message => ({
    message: detail,
    hint: 'run datadeck --help for the commands and options',
  }),
  portInUse: (port: number): Message => ({
    message: `Port ${port} is already in use, so the dev server cannot listen on it.`,
    hint: `stop the program using it, or pick another port: npm run dev -- --port ${port === 65535 ? 8000 : port + 1}`,
  }),
  portDenied: (port: number): Message => ({
    message: `Port ${port} needs administrator rights.`,
    hint: 'pick a port above 1023, e.g. npm run dev -- --port 8080',
  }),
  badPort: (value: string): Message => ({
    message: `--port must be a whole number from 0 to 65535, got "${value}".`,
    hint: 'write e.g. --port 8080; --port 0 picks any free port',
  }),
  watchStopped: (detail: string): Message => ({
    message: `The dev server stopped watching for changes: ${detail}.`,
    hint: 'stop it with Ctrl-C and start npm run dev again',
  }),
  devBuildFailed: (): Message => ({
    message: 'The last save did not build: the slides behind this message are the last good deck.',
    hint: 'fix the file and save; this page reloads by itself.',
  }),
  themeFont: (file: string, url: string): Message => ({
    message: `The theme ${file} names the font file "${url}", which does not exist.`,
    hint: 'write a path next to the theme ("./fonts/x.woff2") or a file of an installed package ("@fontsource-variable/source-sans-3/files/...woff2")',
  }),
  cacheUnreadable: (file: string, reason: string): Message => ({
    message: `The build cache ${file} was ignored (${reason}); charts and fonts were made again.`,
    hint: 'nothing to do: this build wrote a fresh cache. Deleting the folder is always safe.',
  }),
  cacheUnwritable: (file: string, reason: string): Message => ({
    message: `The build cache ${file} could not be written (${reason}); the deck was built all the same.`,
    hint: 'the next build renders the charts again; check that the folder is writable to make rebuilds fast',
  }),
  internal: (detail: string): Message => ({
    message: `datadeck failed unexpectedly: ${detail}. This is a bug in datadeck, not in your data.`,
    hint: 'run again with --debug to see the stack trace, and report it',
  }),
} as const;

/** The closest name within two edits, for "did you mean". */
export function suggestName(input: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const name of names) {
    const candidate = name.toLowerCase();
    const typed = input.toLowerCase();
    // "unitPrize" is one edit from the start of "unitPriceUsd": a typo plus a forgotten suffix.
    const distance = Math.min(editDistance(typed, candidate), editDistance(typed, candidate.slice(0, typed.length)) + 1);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
