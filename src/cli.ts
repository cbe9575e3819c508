import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildDeck } from './build.js';
import { DeckError, isDeckError, type Problem } from './errors/deck-error.js';
import { messages } from './errors/messages.js';
import { formatFailure, formatProblem, readQuotedFiles } from './errors/report.js';
import { createBuildOptions, PACKAGE_ROOT } from './options.js';
import { checkData } from './commands/check.js';
import { join } from 'node:path';

/** Exit codes as data: 0 built, 1 a problem in the user's input, 2 a usage error, 3 a bug of ours. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

const HELP = `datadeck: a data-driven reveal.js deck in one offline HTML file

Usage:
  datadeck [build] [options]   build the deck (default command)
  datadeck new <file.yaml>     write a short starter deck to edit (--locale en for English)
  datadeck check [options]     validate the data only; exit 0 or 1
  datadeck schema [--out file] print (or write) the JSON Schema of the data file
  datadeck pdf [--notes]       print the deck to dist/deck.pdf, one page per slide (needs Chrome or Chromium)
  datadeck pptx [--public]     write dist/deck.pptx: native text, tables and charts, speaker notes as slide notes
  datadeck dev [--port n] [--host]  build, serve on localhost, rebuild and reload the page on every save

Options:
  --data <file>   the YAML dataset (default: data/deck.yaml)
  --locale <es|en> new: the language of the starter deck (default: es)
  --out <dir>     where index.html goes (default: dist)
  --strict        treat warnings (figures that disagree) as errors
  --public        leave out every speaker note, for a deck (or .pptx) to share
  --notes         pdf: add each slide's speaker notes on a page after it, in dist/deck-notes.pdf
  --port <n>      dev: the port to serve on (default: 8000, or the next free one; 0 picks any free port)
  --host          dev: listen on the local network too and print its addresses, for the audience
  --debug         show stack traces of unexpected failures
  -h, --help      show this help
  -v, --version   print the version

Exit codes: 0 success, 1 problem in the data or templates, 2 usage error, 3 internal error.`;

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean', default: false },
  public: { type: 'boolean', default: false },
  notes: { type: 'boolean', default: false },
  port: { type: 'string' },
  locale: { type: 'string' },
  host: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export async function runCli(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return report(new DeckError({ code: 'usage', ...messages.usage(error instanceof Error ? error.message : String(error)) }));
  }
  const { values, positionals } = parsed;
  if (values.help) return print(HELP);
  if (values.version) return print(readVersion());
  const [command = 'build', ...extra] = positionals;
  // A one-off run validates each schema once, where zod's JIT (a validator compiled per schema) costs more than it
  // saves (~8 ms of a cold build); the dev server validates on every save and keeps it.
  if (command !== 'dev') z.config({ jitless: true });
  const options = createBuildOptions({
    ...(values.data !== undefined && { dataFile: values.data }),
    ...(values.out !== undefined && { outDir: values.out }),
    isStrict: values.strict,
    isPublic: values.public,
  });
  try {
    if (command === 'new') {
      const [file, ...more] = extra;
      if (file === undefined || more.length > 0) throw new DeckError({ code: 'usage', ...messages.usage('write the new file\'s name: datadeck new mi-tema.yaml') });
      return print((await import('./commands/new.js')).writeStarter(file, values.locale ?? 'es'));
    }
    if (extra.length > 0) throw new DeckError({ code: 'usage', ...messages.usage(`unexpected argument "${extra[0] ?? ''}"`) });
    switch (command) {
      case 'build':
        return await runBuild(options);
      case 'check':
        return await runCheck(options);
      case 'schema':
        // schema, pdf and dev load their modules (zod's JSON Schema, the browser, the server) only when run:
        // a build does not pay for them.
        return print(await (await import('./commands/schema.js')).writeSchema({ ...options, outDir: 'dist' }, values.out));
      case 'pdf':
        return await runPdf(options, values.notes);
      case 'pptx':
        return await runPptx(options);
      case 'dev':
        return await runDev(options, values.port, values.host);
      default:
        throw new DeckError({ code: 'usage', ...messages.usage(`unknown command "${command}"; the commands are build, new, check, dev, pdf, pptx and schema`) });
    }
  } catch (error) {
    return report(error, values.debug);
  }
}

type Options = ReturnType<typeof createBuildOptions>;

async function runBuild(options: Options): Promise<number> {
  const started = performance.now();
  const result = await buildDeck(options);
  printWarnings(result.warnings);
  const ms = Math.round(performance.now() - started);
  const size = `${(result.bytes / 1024).toFixed(0)} kB`;
  const count = (number: number, noun: string) => `${number} ${noun}${number === 1 ? '' : 's'}`;
  process.stdout.write(`✔ ${result.outFile} · ${size} · ${count(result.slideCount, 'slide')} · ${count(result.chartCount, 'chart')} · ${ms} ms\n`);
  return EXIT.ok;
}

async function runCheck(options: Options): Promise<number> {
  const summary = await checkData(options);
  printWarnings(summary.warnings);
  process.stdout.write(`✔ ${summary.file}: ${summary.rowCount} rows, ${summary.slideCount} slides, no errors\n`);
  return EXIT.ok;
}

async function runPdf(options: Options, hasNotes: boolean): Promise<number> {
  if (hasNotes && options.isPublic) throw new DeckError({ code: 'usage', ...messages.notesNotPublic() });
  const started = performance.now();
  const { exportPdf } = await import('./commands/pdf.js');
  const result = await exportPdf({ build: options, hasNotes, env: process.env });
  printWarnings(result.warnings);
  const ms = Math.round(performance.now() - started);
  const notes = result.notesPageCount > 0 ? ` + ${result.notesPageCount} pages of notes` : '';
  process.stdout.write(`✔ ${result.outFile} · ${(result.bytes / 1024).toFixed(0)} kB · ${result.slidePageCount} slides${notes} · ${ms} ms\n`);
  return EXIT.ok;
}

async function runPptx(options: Options): Promise<number> {
  const started = performance.now();
  const { exportPptx } = await import('./commands/pptx.js');
  const result = await exportPptx({ build: options, env: process.env });
  // A slide whose picture could not be drawn is one line each; what to do about it, once.
  const missing = result.warnings.filter((warning) => warning.code === 'browser');
  printWarnings(result.warnings.filter((warning) => warning.code !== 'browser'));
  for (const warning of missing) process.stderr.write(`warning[browser] ${warning.message}\n`);
  if (missing[0] !== undefined) process.stderr.write(`  hint: ${missing[0].hint}\n`);
  const ms = Math.round(performance.now() - started);
  const charts = `${result.nativeChartCount} native charts, ${result.pictureCount} pictures`;
  process.stdout.write(`✔ ${result.outFile} · ${(result.bytes / 1024).toFixed(0)} kB · ${result.slideCount} slides · ${charts} · ${ms} ms\n`);
  return EXIT.ok;
}

async function runDev(options: Options, port: string | undefined, isShared: boolean): Promise<number> {
  const stopped = waitForStop(); // listening before the first build, so an early Ctrl-C still closes cleanly
  const { parsePort, startDevSession } = await import('./commands/dev.js');
  const session = await startDevSession({
    build: options,
    port: parsePort(port),
    isPortChosen: port !== undefined,
    isShared,
    print: (text) => process.stdout.write(`${text}\n`),
    printError: (text) => process.stderr.write(`${text}\n`),
  });
  await stopped;
  await session.close();
  return EXIT.ok;
}

// Ctrl-C, or a service manager's TERM, ends the dev server with the watchers and sockets closed.
function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function printWarnings(warnings: readonly Problem[]): void {
  const texts = readQuotedFiles(warnings);
  for (const warning of warnings) process.stderr.write(`${formatProblem(warning, 'warning', { texts })}\n\n`);
}

function report(error: unknown, isDebug = false): number {
  process.stderr.write(`${formatFailure(error)}\n`);
  if (isDeckError(error)) {
    if (isDebug && error.cause instanceof Error) process.stderr.write(`cause: ${error.cause.stack ?? error.cause.message}\n`);
    return error.isUsage ? EXIT.usage : EXIT.input;
  }
  if (isDebug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return EXIT.internal;
}

function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
  return `datadeck ${version}`;
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return EXIT.ok;
}
