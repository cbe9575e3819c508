import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickContentType, resolveRequestPath } from '../../../src/dev/serve-files.js';

const ROOT = '/srv/deck/dist';

describe('resolveRequestPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/index.html?v=2#/3', 'index.html'],
    ['/deck.pdf', 'deck.pdf'],
    ['/assets/', 'assets/index.html'],
    ['/a%20b.txt', 'a b.txt'],
  ])('maps %s into the output folder', (target, file) => {
    expect(resolveRequestPath(ROOT, target)).toBe(join(ROOT, file));
  });

  it.each([
    ['parent segment', '/../package.json'],
    ['parent segment deeper in', '/assets/../../package.json'],
    ['encoded dots', '/%2e%2e/package.json'],
    ['mixed-case encoded dots', '/%2E%2e/package.json'],
    ['encoded slash', '/..%2fpackage.json'],
    ['all encoded', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded backslash', '/..%5cpackage.json'],
    ['backslash', '/..\\package.json'],
    ['current-folder segment', '/./index.html'],
    ['absolute path after the slash', '//etc/passwd'],
    ['absolute URL as target', 'http://localhost/../package.json'],
    ['asterisk target', '*'],
    ['empty target', ''],
    ['NUL byte', '/index.html%00.txt'],
    ['malformed escape', '/%E0%A4%A.html'],
    ["the build's temp file", '/.index.html.123.tmp'],
  ])('refuses %s: %s', (_case, target) => {
    expect(resolveRequestPath(ROOT, target)).toBeUndefined();
  });
});

describe('pickContentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['deck.pdf', 'application/pdf'],
    ['chart.svg', 'image/svg+xml'],
    ['theme.CSS', 'text/css; charset=utf-8'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(pickContentType(file)).toBe(type);
  });
});
