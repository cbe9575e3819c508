import type { NetworkInterfaceInfo } from 'node:os';

/** Where the server listens: loopback only, or every IPv4 interface so devices in the room can follow. */
export const LOCAL_HOST = '127.0.0.1';
export const SHARED_HOST = '0.0.0.0';

export interface ServerUrls {
  readonly local: string;
  /** One per local-network IPv4 address, when shared with --host. */
  readonly network: readonly string[];
}

/** The addresses to print; `interfaces` is os.networkInterfaces(), passed in so tests need no real network. */
export function listServerUrls(options: { port: number; isShared: boolean; interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> }): ServerUrls {
  const local = `http://localhost:${options.port}/`;
  if (!options.isShared) return { local, network: [] };
  const addresses = Object.values(options.interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
  return { local, network: [...new Set(addresses)].sort().map((address) => `http://${address}:${options.port}/`) };
}
