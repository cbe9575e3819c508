import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { readGolden } from './support/golden.js';

const DIR = `${ROOT}test/fixtures/decks`;

/** The slides of a built deck, with each chart's SVG reduced to its texts: charts have their own tests. */
function slidesOf(html: string): string {
  const start = html.indexOf('<div class="slides">');
  const end = html.indexOf('</div>\n</div>\n<script>');
  return html
    .slice(start, end)
    .replace(
      /<svg\b[\s\S]*?<\/svg>/g,
      (svg) => `<svg>${[...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(' | ')}</svg>`,
    );
}

describe('fixture decks build to their stored slides', () => {
  const decks = readdirSync(DIR).filter((name) => existsSync(join(DIR, name, 'deck.yaml')));

  it.each(decks)('%s', async (name) => {
    const outDir = mkdtempSync(join(tmpdir(), `datadeck-golden-${name}-`));
    await buildDeck(createTestOptions({ dataFile: join(DIR, name, 'deck.yaml'), outDir }));
    const slides = slidesOf(readFileSync(join(outDir, 'index.html'), 'utf8'));
    const expectedFile = join(DIR, name, 'expected.html');
    expect(slides).toBe(readGolden(expectedFile, slides, 'test/golden/decks.test.ts'));
  });
});
