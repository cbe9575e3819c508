import { describe, expect, it } from 'vitest';
import { normalizeDeckUrl, resolveNextToDeck } from '../../../src/share/deck-url.js';

describe("the deck's public address", () => {
  it.each([
    ['https://ana.github.io/clase/', 'https://ana.github.io/clase/'],
    // A folder gets its slash, where GitHub Pages serves index.html and the preview image sits beside it.
    ['https://ana.github.io/clase', 'https://ana.github.io/clase/'],
    ['https://ana.github.io', 'https://ana.github.io/'],
    ['http://profesores.epn.edu.ec/~lema/costos/index.html', 'http://profesores.epn.edu.ec/~lema/costos/index.html'],
    // ASCII only, as a QR code and a crawler take it.
    ['https://ana.github.io/años/', 'https://ana.github.io/a%C3%B1os/'],
    ['  https://ana.github.io/x/  ', 'https://ana.github.io/x/'],
  ])('takes %s as %s', (given, normalized) => {
    expect(normalizeDeckUrl(given)).toBe(normalized);
  });

  it.each([
    'ana.github.io/clase/',
    '/clase/',
    './dist/index.html',
    'file:///home/ana/dist/index.html',
    'ftp://ana.example.org/',
    'javascript:alert(1)',
    'http://localhost:8000/',
    'http://127.0.0.1:8000/',
    'http://[::1]/',
    'https://user:secret@ana.github.io/',
    'https://ana github.io/',
    '',
  ])('refuses %s: a crawler or a phone could not open it', (given) => {
    expect(normalizeDeckUrl(given)).toBeUndefined();
  });

  it('puts the preview image next to the deck', () => {
    expect(resolveNextToDeck('https://ana.github.io/clase/', 'preview-0123456789ab.jpg')).toBe(
      'https://ana.github.io/clase/preview-0123456789ab.jpg',
    );
    expect(resolveNextToDeck('https://x.org/a/index.html', 'preview-0123456789ab.jpg')).toBe('https://x.org/a/preview-0123456789ab.jpg');
  });
});
