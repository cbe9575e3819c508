#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { formatCrash, runCli } from './cli.js';
import { createBundleLoader } from './load-bundle.js';

// `npm run compile` bundles the CLI into one file that loads with V8's code cache; tsc's per-file output is the fallback.
const BUNDLE = fileURLToPath(new URL('./cli.bundle.cjs', import.meta.url));
const CODE_CACHE = fileURLToPath(new URL('../node_modules/.cache/datadeck/v8', import.meta.url));

interface CliModule {
  readonly runCli: typeof runCli;
  readonly formatCrash: typeof formatCrash;
}

function isCliModule(value: unknown): value is CliModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'runCli' in value &&
    typeof value.runCli === 'function' &&
    'formatCrash' in value &&
    typeof value.formatCrash === 'function'
  );
}

let loaded: CliModule | undefined;

// The only WebAssembly datadeck runs is harfbuzz's font subsetter, a few milliseconds per new subset. V8's baseline
// compiler is enough for that; by default V8 also optimises the 1.5 MB module on background threads, which made the
// process wait ~0.5 s at exit after a build that subset a font (0.9 s → 0.25 s for import + subset + exit).
setFlagsFromString('--liftoff-only');

// Charts with dates render in UTC, whatever the machine's time zone: same input, same bytes, on every laptop.
process.env.TZ = 'UTC';

// A failure inside a library's own callbacks (vega's renderer) is our bug: one line, exit 3, no minified source.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    // In the user's language once the CLI has loaded (vega's callbacks run long after); in English before it.
    const english = `error[internal] datadeck failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. This is a bug in datadeck, not in your data.\n  hint: run again with --debug to see the stack trace, and report it`;
    process.stderr.write(`${loaded?.formatCrash(error, process.argv.slice(2), process.env) ?? english}\n`);
    if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exit(3);
  });
}

const loader = existsSync(BUNDLE) ? createBundleLoader(CODE_CACHE, { packages: ['playwright-core'] }) : undefined;
const cli: unknown = loader === undefined ? await import('./cli.js') : loader.load(BUNDLE);
if (!isCliModule(cli)) throw new Error(`${BUNDLE} does not export runCli and formatCrash: run npm run compile again`);
loaded = cli;
process.exitCode = await cli.runCli(process.argv.slice(2));
loader?.saveCodeCaches();
