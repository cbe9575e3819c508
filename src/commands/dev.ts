import { networkInterfaces } from 'node:os';
import { createBuildCache, flushBuildCache } from '../build.js';
import { DeckError } from '../errors/deck-error.js';
import { messages, type MessageCatalogue } from '../errors/messages.js';
import { formatFailure } from '../errors/report.js';
import type { BuildOptions } from '../options.js';
import { LOCAL_HOST, SHARED_HOST, listServerUrls, type ServerUrls } from '../dev/addresses.js';
import type { DevState } from '../dev/client.js';
import { createDevBuilder, type RebuildOutcome } from '../dev/rebuild.js';
import { createRebuildScheduler } from '../dev/schedule.js';
import { startDevServer, type DevServer } from '../dev/server.js';
import { watchProject, type ProjectWatch } from '../dev/watch.js';

export const DEFAULT_DEV_PORT = 8000;

/** --port's text as a port number; absent means the default. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DEV_PORT;
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) throw new DeckError({ code: 'usage', ...messages.badPort(value) });
  return port;
}

export interface DevOptions {
  readonly build: BuildOptions;
  readonly port: number;
  /** The user named the port: use it or fail, rather than moving to the next free one. */
  readonly isPortChosen: boolean;
  /** Listen on every interface (--host) so devices on the local network can follow. */
  readonly isShared: boolean;
  /** The language of its reports and lines (English unless the CLI chose another). */
  readonly say?: MessageCatalogue | undefined;
  /** cli.ts passes stdout and stderr; tests and the bench collect the lines. */
  readonly print: (text: string) => void;
  readonly printError: (text: string) => void;
}

export interface DevSession {
  readonly port: number;
  readonly urls: ServerUrls;
  /** Resolves once no rebuild is waiting or running. */
  whenIdle(): Promise<void>;
  /** Stops watching, lets a rebuild in progress finish, closes the server; the port is free when it resolves. */
  close(): Promise<void>;
}

/** Serves the output folder, rebuilds with the build's own stages on every save, and reloads open pages. */
export async function startDevSession(options: DevOptions): Promise<DevSession> {
  const { build } = options;
  const say = options.say ?? messages;
  const server = await startDevServer({
    root: build.outDir,
    host: options.isShared ? SHARED_HOST : LOCAL_HOST,
    port: options.port,
    isPortChosen: options.isPortChosen,
    say,
    onError: (error) => options.printError(formatFailure(error, say)),
  });
  const urls = listServerUrls({ port: server.port, isShared: options.isShared, interfaces: networkInterfaces() });
  const cache = createBuildCache();
  const builder = createDevBuilder(build, cache, say);
  const publish = createPublisher(server, options);
  let watch: ProjectWatch | undefined;
  const scheduler = createRebuildScheduler(async (files, hasNewer) => {
    const outcome = await builder.rebuild(files);
    // The spreadsheet rows: names may sit in another folder: watched once a build has read it.
    if (outcome.isBuilt && outcome.result.sheetFile !== undefined) watch?.follow(outcome.result.sheetFile);
    // So may the references file.
    if (outcome.isBuilt && outcome.result.referencesFile !== undefined) watch?.follow(outcome.result.referencesFile);
    await publish(outcome, hasNewer());
  });

  watch = await watchOrClose(server, () =>
    watchProject({
      dataFile: build.dataFile,
      templatesDir: build.templatesDir,
      onChange: (file) => scheduler.notify(file),
      onError: (error) => options.printError(formatFailure(new DeckError({ code: 'file', ...messages.watchStopped(error.message) }), say)),
    }),
  );
  scheduler.notify(build.dataFile);
  await scheduler.whenIdle();
  printAddresses({ urls, isShared: options.isShared, print: options.print, say });
  return {
    port: server.port,
    urls,
    whenIdle: () => scheduler.whenIdle(),
    async close() {
      watch?.close();
      scheduler.cancel();
      await scheduler.whenIdle();
      await server.close();
      for (const problem of await flushBuildCache(cache, build.cacheDir)) options.printError(formatFailure(new DeckError(problem), say));
    },
  };
}

/**
 * Prints each rebuild and tells open pages: a new deck gets a new version (they reload), a failure the error
 * (they show the overlay over the deck they have). A failure superseded by a newer save is not reported:
 * it may be a file caught half-written, and the newer save's build speaks for it.
 */
function createPublisher(
  server: DevServer,
  output: Pick<DevOptions, 'print' | 'printError'>,
): (outcome: RebuildOutcome, isSuperseded: boolean) => Promise<void> {
  // Unique to this run, so a page left open from an earlier run reloads when it reconnects.
  const session = Date.now().toString(36);
  let deckCount = 0;
  // The server's own starting version: a failed first build leaves pages served so far as they are.
  let state: DevState = { version: '', error: null };
  return async (outcome, isSuperseded) => {
    if (!outcome.isBuilt) {
      if (isSuperseded) return;
      output.printError(outcome.report);
      state = { ...state, error: outcome.report };
    } else {
      if (outcome.warnings !== undefined) output.printError(outcome.warnings);
      output.print(outcome.line);
      if (outcome.isNewDeck) deckCount += 1;
      state = { version: `${session}.${deckCount}`, error: null };
    }
    await server.publish(state);
  };
}

// A watch that cannot start (the data folder is missing) ends the session; the port must not stay taken.
async function watchOrClose(server: DevServer, start: () => ProjectWatch): Promise<ProjectWatch> {
  try {
    return start();
  } catch (error) {
    await server.close();
    throw error;
  }
}

function printAddresses(input: { urls: ServerUrls; isShared: boolean; print: (text: string) => void; say: MessageCatalogue }): void {
  const { urls, print, say } = input;
  print(`  ${say.devServing(urls.local)}`);
  for (const url of urls.network) print(`  ${say.devNetwork(url)}`);
  if (input.isShared && urls.network.length === 0) print(`  ${say.devNoNetwork()}`);
  print(`  ${say.devWatching()}`);
}
