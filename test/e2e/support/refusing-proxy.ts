import { once } from 'node:events';
import { createServer } from 'node:http';

/**
 * The proxy Firefox and WebKit are pointed at: it records every request (a deck opened from file:// makes none)
 * and answers each with 403, so nothing reaches the network. Chromium blocks requests in Playwright instead.
 */
export interface RefusingProxy {
  /** host:port, for the browser's proxy setting. */
  readonly address: string;
  readonly port: number;
  /** "GET http://…" or "CONNECT host:443", in the order they came. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? 'GET'} ${request.url ?? ''}`);
    response.writeHead(403, { connection: 'close' }).end();
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the refusing proxy has no port');
  return {
    address: `127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
