import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { DeckError } from '../../src/errors/deck-error.js';
import { messages } from '../../src/errors/messages.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { slideSections, visibleText } from '../text.js';

/** The README's promise: a new templates/layouts/<name>.hbs is usable from the YAML with no code change. */
const QUOTE_LAYOUT = `{{!--
  Una cita grande con su autor.
  quote: La cita.
  author: Quién la dijo.
--}}
<section class="layout-quote" data-layout="quote">
  <blockquote>{{quote}}</blockquote>{{#if author}}<p>— {{author}}</p>{{/if}}
  {{> notes}}
</section>
`;

function deckWith(slide: string): string {
  return `meta: { title: Citas, author: Ana, date: 2025-11-20 }
fields:
  name: text
  score: number
rows:
  - { name: A, score: 3 }
  - { name: B, score: 5 }
slides:
${slide}`;
}

function setUp(slide: string) {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-layout-'));
  const templatesDir = join(dir, 'templates');
  cpSync(`${ROOT}templates`, templatesDir, { recursive: true });
  writeFileSync(join(templatesDir, 'layouts', 'quote.hbs'), QUOTE_LAYOUT);
  writeFileSync(join(dir, 'deck.yaml'), deckWith(slide));
  return { dir, options: createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'out'), templatesDir }) };
}

describe('a layout file added to templates/layouts/', () => {
  it('is used by a slide that names it, its texts stating figures', async () => {
    const { dir, options } = setUp(
      `  - layout: quote\n    quote: 'El mejor puntaje fue {{max score}}, de {{max score name}}.'\n    author: Ana\n`,
    );
    await buildDeck(options);
    const [section = ''] = slideSections(readFileSync(join(dir, 'out', 'index.html'), 'utf8'));
    expect(section).toContain('data-layout="quote"');
    expect(visibleText(section)).toBe('El mejor puntaje fue 5, de B. — Ana');
  });

  it("can sit in layouts/ next to the deck, with no change to datadeck's own templates", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-deck-layout-'));
    mkdirSync(join(dir, 'layouts'));
    writeFileSync(join(dir, 'layouts', 'quote.hbs'), QUOTE_LAYOUT);
    writeFileSync(join(dir, 'deck.yaml'), deckWith(`  - layout: quote\n    quote: '{{count}} filas'\n`));
    await buildDeck(createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'out') }));
    const [section = ''] = slideSections(readFileSync(join(dir, 'out', 'index.html'), 'utf8'));
    expect(visibleText(section)).toBe('2 filas');
  });

  it('checks the keys a slide gives against what the template uses', async () => {
    const { options } = setUp(`  - layout: quote\n    quot: Hola\n`);
    const error = await buildDeck(options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeckError);
    const problems = error instanceof DeckError ? error.problems : [];
    expect(problems.map((problem) => [problem.dataPath?.join('.'), problem.message])).toEqual([
      ['slides.0.quot', messages.unknownSlideKey('quot', 'quote', 'quote', []).message],
    ]);
    expect(problems[0]?.hint).toContain('did you mean "quote"?');
  });
});
