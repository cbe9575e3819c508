import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildDeck } from './build.js';
import { DeckError, isDeckError, type Problem } from './errors/deck-error.js';
import { messages, translateMessage, type Message, type MessageCatalogue } from './errors/messages.js';
import { formatFailure, formatProblem, listCauses, readQuotedFiles } from './errors/report.js';
import { createBuildOptions, PACKAGE_ROOT } from './options.js';
import { checkData } from './commands/check.js';
import { chooseCliLanguage, findMessages } from './i18n/cli-language.js';
import type { Language } from './i18n/words.js';
import { join } from 'node:path';
import { normalizeDeckUrl } from './share/deck-url.js';

/** Exit codes as data: 0 built, 1 a problem in the user's input, 2 a usage error, 3 a bug of ours. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean', default: false },
  public: { type: 'boolean', default: false },
  url: { type: 'string' },
  notes: { type: 'boolean', default: false },
  port: { type: 'string' },
  locale: { type: 'string' },
  lang: { type: 'string' },
  host: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** The options each command takes; --lang, --debug, --help and --version go with any. */
export const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  build: ['data', 'out', 'strict', 'public', 'url'],
  new: ['locale'],
  check: ['data', 'strict'],
  schema: ['data', 'out'],
  pdf: ['data', 'out', 'strict', 'public', 'notes', 'url'],
  pptx: ['data', 'out', 'strict', 'public', 'url'],
  dev: ['data', 'out', 'strict', 'public', 'port', 'host', 'url'],
};
const ANY_COMMAND = new Set(['lang', 'debug', 'help', 'version']);

/** An option the command does not take: `datadeck build --notes` would otherwise be silently ignored. */
function checkOptions(command: string, given: readonly string[]): void {
  const takes = COMMAND_OPTIONS[command];
  if (takes === undefined) return;
  const stray = given.find((option) => !ANY_COMMAND.has(option) && !takes.includes(option));
  if (stray === undefined) return;
  const commands = Object.entries(COMMAND_OPTIONS)
    .filter(([, options]) => options.includes(stray))
    .map(([name]) => name);
  throw new DeckError({ code: 'usage', ...messages.optionNotForCommand(stray, command, commands) });
}

function parseCliArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
}

export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  // A mistake in the other arguments is reported in the language --lang asks for, when it names one.
  const earlySays = findMessages(chooseLanguage(findLangFlag(argv), env));
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    return report(new DeckError({ code: 'usage', ...describeArgsError(error) }), earlySays);
  }
  const { values, positionals } = parsed;
  const chosen = chooseCliLanguage({ flag: values.lang, env });
  if ('problem' in chosen) return report(new DeckError({ code: 'usage', ...chosen.problem }), findMessages(chooseLanguage(undefined, env)));
  const say = findMessages(chosen.language);
  if (values.help) return print(say.help());
  if (values.version) return print(readVersion());
  const [command = 'build', ...extra] = positionals;
  // A one-off run validates each schema once, where zod's JIT (a validator compiled per schema) costs more than it
  // saves (~8 ms of a cold build); the dev server validates on every save and keeps it.
  if (command !== 'dev') z.config({ jitless: true });
  let options = createBuildOptions({
    ...(values.data !== undefined && { dataFile: values.data }),
    ...(values.out !== undefined && { outDir: values.out }),
    isStrict: values.strict,
    isPublic: values.public,
    // Only `datadeck build` takes the link-preview image: a screenshot on every save of the dev server would slow it.
    previewEnv: command === 'build' ? env : undefined,
  });
  try {
    checkOptions(
      command,
      parsed.tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])),
    );
    if (values.url !== undefined) options = { ...options, url: parseUrlOption(values.url) };
    if (command === 'new') {
      const [file, ...more] = extra;
      if (file === undefined || more.length > 0) throw new DeckError({ code: 'usage', ...messages.newNeedsName() });
      const written = (await import('./commands/new.js')).writeStarter(file, values.locale ?? 'es', process.cwd());
      print(say.starterWritten(written.file, written.outDir));
      return print((written.workflow.isWritten ? say.workflowWritten : say.workflowKept)(written.workflow.file));
    }
    if (extra.length > 0) throw new DeckError({ code: 'usage', ...messages.unexpectedArgument(extra[0] ?? '') });
    switch (command) {
      case 'build':
        return await runBuild(options, say);
      case 'check':
        return await runCheck(options, say);
      case 'schema':
        // schema, pdf and dev load their modules (zod's JSON Schema, the browser, the server) only when run:
        // a build does not pay for them.
        return print(await (await import('./commands/schema.js')).writeSchema({ ...options, outDir: 'dist' }, values.out));
      case 'pdf':
        return await runPdf(options, values.notes, say);
      case 'pptx':
        return await runPptx(options, say);
      case 'dev':
        return await runDev({ options, port: values.port, isShared: values.host, say });
      default:
        throw new DeckError({
          code: 'usage',
          ...messages.unknownCommand(command, ['build', 'new', 'check', 'dev', 'pdf', 'pptx', 'schema']),
        });
    }
  } catch (error) {
    return report(error, say, values.debug);
  }
}

/** A failure outside any command's own handling (a library's callback threw): our bug, said in the user's language. */
export function formatCrash(error: unknown, argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string {
  return formatFailure(error, findMessages(chooseLanguage(findLangFlag(argv), env)));
}

/** The language of the messages; a bad --lang is reported in the system's. */
function chooseLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Language {
  const chosen = chooseCliLanguage({ flag, env });
  return 'language' in chosen ? chosen.language : chooseLanguage(undefined, env);
}

/** --lang's value read straight from argv ("--lang es" or "--lang=es"), for errors found before parseArgs succeeds. */
function findLangFlag(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const arg = argv[index];
  if (arg === undefined) return undefined;
  return arg === '--lang' ? argv[index + 1] : arg.slice('--lang='.length);
}

/** Node's parseArgs errors, said by the catalogue: the option is in quotes in its English message. */
function describeArgsError(error: unknown): Message {
  const text = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const option = /'(-[^' ]+)/.exec(text)?.[1];
  if (option === undefined) return messages.usage(text);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return messages.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return messages.optionValue(option, / argument missing$/.test(text));
  return messages.usage(text);
}

type Options = ReturnType<typeof createBuildOptions>;

/** --url's address, normalized; anything a crawler could not fetch is a usage error. */
function parseUrlOption(value: string): string {
  const url = normalizeDeckUrl(value);
  if (url === undefined) throw new DeckError({ code: 'usage', ...messages.badUrlOption(value) });
  return url;
}

async function runBuild(options: Options, say: MessageCatalogue): Promise<number> {
  const started = performance.now();
  const result = await buildDeck(options);
  printWarnings(result.warnings, say);
  const ms = Math.round(performance.now() - started);
  if (result.preview !== undefined)
    print(say.previewWritten(result.preview.file, (result.preview.bytes / 1024).toFixed(0), result.preview.url));
  return print(
    say.built({
      file: result.outFile,
      kilobytes: (result.bytes / 1024).toFixed(0),
      slides: result.slideCount,
      charts: result.chartCount,
      ms,
    }),
  );
}

async function runCheck(options: Options, say: MessageCatalogue): Promise<number> {
  const summary = await checkData(options);
  printWarnings(summary.warnings, say);
  return print(say.checked({ file: summary.file, rows: summary.rowCount, slides: summary.slideCount }));
}

async function runPdf(options: Options, hasNotes: boolean, say: MessageCatalogue): Promise<number> {
  if (hasNotes && options.isPublic) throw new DeckError({ code: 'usage', ...messages.notesNotPublic() });
  const started = performance.now();
  const { exportPdf } = await import('./commands/pdf.js');
  const result = await exportPdf({ build: options, hasNotes, env: process.env });
  printWarnings(result.warnings, say);
  const ms = Math.round(performance.now() - started);
  return print(
    say.printed({
      file: result.outFile,
      kilobytes: (result.bytes / 1024).toFixed(0),
      slides: result.slidePageCount,
      notesPages: result.notesPageCount,
      ms,
    }),
  );
}

async function runPptx(options: Options, say: MessageCatalogue): Promise<number> {
  const started = performance.now();
  const { exportPptx } = await import('./commands/pptx.js');
  const result = await exportPptx({ build: options, env: process.env });
  // A slide whose picture could not be drawn is one line each; what to do about it, once.
  const missing = result.warnings.filter((warning) => warning.code === 'browser').map((warning) => translateMessage(warning, say));
  printWarnings(
    result.warnings.filter((warning) => warning.code !== 'browser'),
    say,
  );
  for (const warning of missing) process.stderr.write(`${say.severity('warning')}[browser] ${warning.message}\n`);
  if (missing[0] !== undefined) process.stderr.write(`  ${say.hintLabel()}: ${missing[0].hint}\n`);
  const ms = Math.round(performance.now() - started);
  return print(
    say.exported({
      file: result.outFile,
      kilobytes: (result.bytes / 1024).toFixed(0),
      slides: result.slideCount,
      nativeCharts: result.nativeChartCount,
      pictures: result.pictureCount,
      ms,
    }),
  );
}

async function runDev(input: { options: Options; port: string | undefined; isShared: boolean; say: MessageCatalogue }): Promise<number> {
  const { options, port, isShared, say } = input;
  const stopped = waitForStop(); // listening before the first build, so an early Ctrl-C still closes cleanly
  const { parsePort, startDevSession } = await import('./commands/dev.js');
  const session = await startDevSession({
    build: options,
    port: parsePort(port),
    isPortChosen: port !== undefined,
    isShared,
    say,
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

function printWarnings(warnings: readonly Problem[], say: MessageCatalogue): void {
  const texts = readQuotedFiles(warnings);
  for (const warning of warnings) process.stderr.write(`${formatProblem(warning, 'warning', { texts, say })}\n\n`);
}

function report(error: unknown, say: MessageCatalogue, isDebug = false): number {
  process.stderr.write(`${formatFailure(error, say)}\n`);
  if (isDeckError(error)) {
    if (isDebug && error.cause instanceof Error) process.stderr.write(`cause: ${error.cause.stack ?? error.cause.message}\n`);
    return error.isUsage ? EXIT.usage : EXIT.input;
  }
  if (isDebug)
    for (const failure of [error, ...listCauses(error)])
      if (failure instanceof Error) process.stderr.write(`${failure.stack ?? failure.message}\n`);
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
