import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { DeckError } from '../errors/deck-error.js';
import { messages, type MessageCatalogue } from '../errors/messages.js';
import { createClientScript, EVENTS_PATH, type DevMessage, type DevState } from './client.js';
import { hashShell, injectDevClient } from './inject.js';
import { pickContentType, readServedFile, resolveRequestPath } from './serve-files.js';

export interface DevServer {
  readonly port: number;
  /** Tells every open page the new state: a new version updates it, an error shows the overlay. */
  publish(state: DevState): Promise<void>;
  /** Ends the event streams and every connection, then stops listening; the port is free when it resolves. */
  close(): Promise<void>;
}

// When the default port is taken, the next few are tried; a port the user chose is used or refused.
const PORT_ATTEMPTS = 10;
// A page whose stream dropped (the server restarted) reconnects after this long.
const RETRY_MS = 1000;

/** An HTTP server for the output folder only, plus the live-reload event stream. */
export async function startDevServer(options: {
  root: string;
  host: string;
  port: number;
  isPortChosen: boolean;
  /** A request that failed unexpectedly: a bug of ours, to print rather than crash the session. */
  onError: (error: unknown) => void;
  /** The language of the overlay's words. */
  say?: MessageCatalogue;
}): Promise<DevServer> {
  // Until the first publish(): a page served now updates as soon as there is a version.
  let state: DevMessage = { version: '', error: null, shell: null };
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handleRequest({ request, response, root: options.root, state, streams, say: options.say ?? messages }).catch((error: unknown) => {
      // The page gets a plain 500 (or a cut connection mid-answer); the error itself must surface, not vanish.
      if (response.headersSent) response.destroy();
      else response.writeHead(500).end();
      options.onError(error);
    });
  });
  const port = await listenOnPort(server, options);
  // Past listening, a server error (out of file handles, say) is reported and the session goes on.
  server.on('error', options.onError);
  return {
    port,
    async publish(next) {
      state = { ...next, shell: await readShell(options.root) };
      for (const stream of streams) sendState(stream, state);
    },
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function listenOnPort(server: Server, options: { host: string; port: number; isPortChosen: boolean }): Promise<number> {
  const attempts = options.isPortChosen || options.port === 0 ? 1 : PORT_ATTEMPTS;
  for (let attempt = 0; ; attempt += 1) {
    const port = options.port + attempt;
    try {
      return await listen(server, port, options.host);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'EADDRINUSE' && attempt + 1 < attempts && port < 65535) continue;
      if (code === 'EADDRINUSE') throw new DeckError({ code: 'usage', ...messages.portInUse(port) }, { cause: error });
      if (code === 'EACCES') throw new DeckError({ code: 'usage', ...messages.portDenied(port) }, { cause: error });
      throw error;
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

interface RequestContext {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly root: string;
  readonly state: DevMessage;
  readonly streams: Set<ServerResponse>;
  readonly say: MessageCatalogue;
}

async function handleRequest(context: RequestContext): Promise<void> {
  const { request, response, root } = context;
  const target = request.url ?? '';
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (target.split('?')[0] === EVENTS_PATH) return openStream(context);
  const file = resolveRequestPath(root, target);
  const body = file === undefined ? undefined : await readServedFile(root, file);
  if (file === undefined || body === undefined) {
    // Before the first good build there is no deck; the page still gets the script, to show the error and reload.
    if (file === join(root, 'index.html')) return send(response, 503, 'text/html; charset=utf-8', servePage(PLACEHOLDER, context));
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }
  const type = pickContentType(file);
  send(response, 200, type, type.startsWith('text/html') ? servePage(body.toString('utf8'), context) : body);
}

const PLACEHOLDER = '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>datadeck</title>\n</head>\n<body>\n</body>\n</html>\n';

function servePage(html: string, context: RequestContext): string {
  const { message, hint } = context.say.devBuildFailed();
  return injectDevClient(html, createClientScript({ endpoint: EVENTS_PATH, version: context.state.version, title: message, hint }));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    // Every save makes a new deck: the browser must ask again rather than reuse its copy.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function openStream({ response, state, streams }: RequestContext): void {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(`retry: ${RETRY_MS}\n\n`);
  streams.add(response);
  response.on('close', () => streams.delete(response));
  sendState(response, state);
}

/** The shell hash of the deck now on disk, as the pages served from it carry it; null when there is none. */
async function readShell(root: string): Promise<string | null> {
  const html = await readServedFile(root, join(root, 'index.html'));
  return html === undefined ? null : hashShell(html.toString('utf8'));
}

function sendState(stream: ServerResponse, state: DevMessage): void {
  // One JSON line: an event's data may not contain a raw newline, and the error text has many.
  stream.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
}
