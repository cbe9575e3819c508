import { describe, expect, it } from 'vitest';
import { checkSentence, parseSentence } from '../../../src/data/sentences.js';
import type { Deck } from '../../../src/model.js';
import { renderPlainText, renderSentence } from '../../../src/slides/render-sentence.js';
import { readDefaultText } from '../../helpers.js';
import { visibleText } from '../../text.js';
import { deckOf, replaceOnce, yamlDeck } from '../support/inline-deck.js';

const DEFAULT = deckOf(readDefaultText());

/** A text with figures as HTML, checked first as the build checks it; in a table cell when `row` is given. */
function html(source: string, deck: Deck = DEFAULT, row?: string): string {
  const parsed = parseSentence(source);
  if ('problem' in parsed) throw new Error(`${source}: ${parsed.problem.message}`);
  const scope = row === undefined ? 'deck' : 'row';
  const problems = checkSentence(parsed.sentence, { fields: deck.fields, rowNames: deck.rows.map((entry) => entry.name), scope });
  if (problems.length > 0) throw new Error(`${source}: ${problems.map((problem) => problem.message).join(' ')}`);
  return renderSentence(parsed.sentence, {
    fields: deck.fields,
    rows: deck.rows,
    format: deck.format,
    row: deck.rows.find((entry) => entry.name === row),
  });
}

/** What a reader sees: tags dropped, entities decoded, no-break spaces as spaces. */
const read = (source: string, deck?: Deck, row?: string): string => visibleText(html(source, deck, row));

describe('renderSentence: the helpers on data/deck.yaml', () => {
  it('count: the rows, or the rows that have a value', () => {
    expect(read('Los {{count}} modelos')).toBe('Los 5 modelos');
    expect(read('{{count units}} reportan unidades')).toBe('3 reportan unidades');
  });

  it("sum and mean: in the field's format, quantities in their most readable unit", () => {
    expect(read('{{sum hardwareCost}}')).toBe('190 millones');
    expect(read('{{sum trainingEnergy}}')).toBe('3,5 GWh');
    expect(read('{{mean inferenceEnergy}}')).toBe('300 Wh');
    expect(read('{{mean units}}')).toBe('4.170,7');
  });

  it('max and min: the value as the table shows it, or another field of that row', () => {
    expect(read('{{max hardwareCost}} y {{min hardwareCost}}')).toBe('80 millones y 4 millones');
    expect(read('{{max hardwareCost name}} y {{min hardwareCost name}}')).toBe('GPT-4 y Mistral 7B');
    expect(read('{{max trainingTime}}, {{min trainingTime}} ({{min trainingTime name}})')).toBe('2 a 3 meses, 1 mes (Mistral 7B)');
    expect(read('{{max units organization}}')).toBe('OpenAI');
  });

  it("value: one row's value; rank: its place, largest first", () => {
    expect(read('{{value "Llama 3" units}}')).toBe('2.000');
    expect(read('{{value "GPT-4" trainingEnergy}}')).toBe('1,2 GWh');
    expect(read('{{rank hardwareCost "GPT-4"}}, {{rank hardwareCost "Llama 3"}}, {{rank hardwareCost "Mistral 7B"}}')).toBe('1, 4, 5');
  });

  it('ratio, difference and share of figures', () => {
    expect(read('{{ratio (max hardwareCost) (min hardwareCost)}}')).toBe('20 veces');
    expect(read('{{ratio (max units) (min units)}}')).toBe('19,5 veces');
    expect(read('{{difference (max hardwareCost) (min hardwareCost)}}')).toBe('76 millones');
    expect(read('{{difference (max trainingEnergy) (min trainingEnergy)}}')).toBe('1,1 GWh');
    expect(read('{{share (max hardwareCost)}}')).toBe('42,1 %');
    expect(read('{{share (value "Llama 3" trainingEnergy)}}')).toBe('8,6 %');
  });

  it("writes the sentences of data/deck.yaml's box as the deck shows them", () => {
    expect(
      read(
        '**{{max hardwareCost name}}** fue el más costoso ({{max hardwareCost}} de dólares) y **{{min hardwareCost name}}** el más económico ({{min hardwareCost}}): {{max hardwareCost name}} costó {{ratio (max hardwareCost) (min hardwareCost)}} más que {{min hardwareCost name}}.',
      ),
    ).toBe(
      'GPT-4 fue el más costoso (80 millones de dólares) y Mistral 7B el más económico (4 millones): GPT-4 costó 20 veces más que Mistral 7B.',
    );
  });

  it('follows the data: a new largest cost moves every figure', () => {
    const deck = deckOf(replaceOnce(readDefaultText(), 'hardwareCost: 4000000\n', 'hardwareCost: 160000000\n'));
    expect(read('{{max hardwareCost name}}, {{min hardwareCost name}}, {{ratio (max hardwareCost) (min hardwareCost)}}', deck)).toBe(
      'Mistral 7B, Llama 3, 10 veces',
    );
  });

  it("speaks the deck's language", () => {
    const deck = deckOf(replaceOnce(readDefaultText(), 'locale: es', 'locale: en'));
    expect(
      read('{{sum hardwareCost}}; {{ratio (max hardwareCost) (min hardwareCost)}}; {{value "Claude 3" units}}; {{max trainingTime}}', deck),
    ).toBe('190 million; 20 times; not reported; 2 to 3 months');
  });
});

describe('renderSentence: derived and missing values', () => {
  it('marks a derived value with ≈, in its own span', () => {
    expect(html('{{value "Mistral 7B" unitPrice}}')).toMatch(/^<span class="?derived"?>≈\u00a07\.800\u00a0US\$<\/span>$/);
    expect(read('{{max unitPrice}} ({{max unitPrice name}})')).toBe('8.000 US$ (GPT-4)');
  });

  it('marks a figure computed from derived values with ≈ too', () => {
    expect(read('{{sum unitPrice}}')).toMatch(/^≈ /);
    expect(read('{{ratio (value "Mistral 7B" unitPrice) (value "GPT-4" unitPrice)}}')).toMatch(/^≈ /);
  });

  it('shows a missing value as the deck\'s "no reportado", marked as missing', () => {
    expect(html('{{value "Claude 3" units}}')).toMatch(/^<span class="?missing"?>no reportado<\/span>$/);
    expect(read('{{rank units "Claude 3"}}')).toBe('no reportado');
  });

  it("shows the field's own missing text where it declares one", () => {
    const deck = deckOf(
      yamlDeck({
        fields: 'name: text\nunits: { type: integer, optional: true, missing: sin dato }',
        rows: '- { name: A, units: 3 }\n- { name: B }',
      }),
    );
    expect(read('{{value "B" units}}', deck)).toBe('sin dato');
    expect(read('{{units}}', deck, 'B')).toBe('sin dato');
  });

  it('chooses between two texts with {{#if}} on a value that may be missing', () => {
    const text =
      '{{#if (value "Claude 3" units)}}con unidades{{else}}sin unidades{{/if}} / {{#if (value "GPT-4" units)}}con unidades{{/if}}';
    expect(read(text)).toBe('sin unidades / con unidades');
  });
});

describe("renderSentence: in a table cell, a row's own values", () => {
  it("reads bare fields as the row's values, ends of a range included", () => {
    expect(read('{{accelerator}} × {{units}}', DEFAULT, 'GPT-4')).toBe('NVIDIA H100 × 10.000');
    expect(read('{{trainingTime}} (desde {{trainingTime.min}})', DEFAULT, 'GPT-4')).toBe('2 a 3 meses (desde 2 meses)');
    expect(read('{{unitPrice}}', DEFAULT, 'Mistral 7B')).toBe('≈ 7.800 US$');
    expect(read('{{#if product}}{{product}} ({{name}}){{else}}{{name}} ({{organization}}){{/if}}', DEFAULT, 'GPT-4')).toBe(
      'ChatGPT (GPT-4)',
    );
    expect(read('{{#if product}}{{product}} ({{name}}){{else}}{{name}} ({{organization}}){{/if}}', DEFAULT, 'Claude 3')).toBe(
      'Claude 3 (Anthropic)',
    );
  });
});

describe('renderSentence: nothing from the text or the data becomes markup', () => {
  const hostile = deckOf(
    yamlDeck({
      fields: 'name: text\ncost: money\nnote: { type: text, optional: true }',
      rows: "- { name: '<img src=x onerror=alert(1)>', cost: 100, note: '\"><script>alert(2)</script>' }\n- { name: Beta, cost: 50 }",
    }),
  );

  it('escapes the literal text of a sentence', () => {
    expect(html('<b>x</b> & "q" {{count}}', hostile)).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; 2');
  });

  it("escapes a row's values: a row name that is markup reads as text", () => {
    const shown = html('El más caro: {{max cost name}}', hostile);
    expect(shown).toBe('El más caro: &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(visibleText(shown)).toBe('El más caro: <img src=x onerror=alert(1)>');
    expect(html('{{note}}', hostile, '<img src=x onerror=alert(1)>')).not.toContain('<script');
  });

  it("makes **bold** the author's, around figures too", () => {
    expect(html('En total **{{sum cost}}**, en **{{count}} filas**', hostile)).toBe(
      'En total <strong>150\u00a0US$</strong>, en <strong>2 filas</strong>',
    );
    expect(renderPlainText('Una **idea** <i>sin</i> cifras')).toBe('Una <strong>idea</strong> &lt;i&gt;sin&lt;/i&gt; cifras');
  });

  it("does not make a row's value bold: asterisks in the data stay asterisks", () => {
    const deck = deckOf(yamlDeck({ fields: 'name: text\ncost: money', rows: "- { name: '**Alfa**', cost: 100 }" }));
    expect(html('{{max cost name}}', deck)).toBe('**Alfa**');
  });
});
