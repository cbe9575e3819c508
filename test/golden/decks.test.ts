import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, ROOT } from '../helpers.js';

const DIR = `${ROOT}test/fixtures/decks`;
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/decks.test.ts, then review every changed expected.html by eye.
// Never under CI: there a missing or different golden fails, whatever UPDATE_GOLDEN says.
const isUpdating = process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true';

/** The stored slides; only UPDATE_GOLDEN=1 writes them. A golden that writes itself when missing would pass anything. */
function readGolden(file: string, actual: string): string {
  if (isUpdating) writeFileSync(file, actual);
  if (!existsSync(file))
    throw new Error(`No golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/golden/decks.test.ts and review it by eye.`);
  return readFileSync(file, 'utf8');
}

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
    expect(slides).toBe(readGolden(expectedFile, slides));
  });
});
