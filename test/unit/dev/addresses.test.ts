import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listServerUrls } from '../../../src/dev/addresses.js';

const info = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, family, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }
    : { address, family, internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 };

// Interfaces as os.networkInterfaces() reports them on a laptop with Wi-Fi and a docker bridge; no traffic is sent.
const INTERFACES = {
  lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
  wlan0: [info('192.168.1.23', 'IPv4'), info('fe80::1', 'IPv6')],
  docker0: [info('172.17.0.1', 'IPv4')],
};

describe('listServerUrls', () => {
  it('prints only localhost when the server listens on loopback', () => {
    expect(listServerUrls({ port: 8000, isShared: false, interfaces: INTERFACES })).toEqual({
      local: 'http://localhost:8000/',
      network: [],
    });
  });

  it('lists each local-network IPv4 address with --host, leaving out loopback and IPv6', () => {
    expect(listServerUrls({ port: 8080, isShared: true, interfaces: INTERFACES }).network).toEqual([
      'http://172.17.0.1:8080/',
      'http://192.168.1.23:8080/',
    ]);
  });

  it('lists none when the machine has no network', () => {
    expect(listServerUrls({ port: 8080, isShared: true, interfaces: { lo: INTERFACES.lo } }).network).toEqual([]);
  });
});
