import { describe, expect, it } from 'vitest';
import {
  checkSentence,
  HELPER_NAMES,
  hasFigures,
  HELPERS,
  parseSentence,
  type SentenceProblem,
  type SentenceScope,
} from '../../../src/data/sentences.js';
import { messages } from '../../../src/errors/messages.js';
import { readDefaultText } from '../../helpers.js';
import { deckOf } from '../support/inline-deck.js';

const deck = deckOf(readDefaultText());
const FIELD_NAMES = [...deck.fields.keys()];

/** The problems of one text, each with the part of the text it underlines. */
function problemsOf(source: string, scope: SentenceScope = 'deck'): (SentenceProblem & { underlined: string })[] {
  const parsed = parseSentence(source);
  const problems =
    'problem' in parsed
      ? [parsed.problem]
      : checkSentence(parsed.sentence, { fields: deck.fields, rowNames: deck.rows.map((row) => row.name), scope });
  return problems.map((problem) => ({ ...problem, underlined: source.slice(problem.offset, problem.offset + problem.length) }));
}

describe('checkSentence: what a deck text may say', () => {
  it('accepts every helper in each of its forms', () => {
    const texts = [
      '{{count}} modelos, {{count units}} con unidades',
      '{{sum hardwareCost}} y {{mean inferenceEnergy}}',
      '{{max hardwareCost}} ({{max hardwareCost name}}) y {{min trainingTime}} ({{min trainingTime name}})',
      '{{value "Llama 3" units}} unidades, puesto {{rank hardwareCost "Llama 3"}}',
      '{{ratio (max hardwareCost) (min hardwareCost)}}, {{difference (max hardwareCost) (min hardwareCost)}}, {{share (max hardwareCost)}}',
      '{{#if (value "GPT-4" units)}}sí{{else}}no{{/if}} **negrita**',
    ];
    for (const text of texts) expect(problemsOf(text), text).toEqual([]);
  });

  it("accepts a row's own fields in a table cell, even bare, with {{#if}}", () => {
    expect(problemsOf('{{#if product}}{{product}} ({{name}}){{else}}{{name}}{{/if}} × {{units}} {{trainingTime.min}}', 'row')).toEqual([]);
  });

  it('skips the parser for a text without {{', () => {
    expect(hasFigures('Sin cifras: 80 millones.')).toBe(false);
    expect(hasFigures('Con {{count}}.')).toBe(true);
  });
});

describe('checkSentence: problems, at their place inside the text', () => {
  it('names an unknown helper, with the one a typo meant', () => {
    expect(problemsOf('Hay {{mxa hardwareCost}} aquí')).toMatchObject([
      { code: 'sentence', ...messages.unknownHelper('mxa', 'max', HELPER_NAMES), offset: 6, length: 3, underlined: 'mxa' },
    ]);
    expect(problemsOf('{{ratio (max hardwareCost) (mxa units)}}')).toMatchObject([
      { underlined: 'mxa', ...messages.unknownHelper('mxa', 'max', HELPER_NAMES) },
    ]);
  });

  it('names an unknown field, with "did you mean"', () => {
    expect(problemsOf('Hay {{max hardwareCots}} aquí')).toMatchObject([
      {
        code: 'sentence',
        ...messages.unknownSentenceName('hardwareCots', 'hardwareCost', FIELD_NAMES),
        offset: 10,
        length: 12,
        underlined: 'hardwareCots',
      },
    ]);
    expect(problemsOf('Primero {{max hardwareCost name}}, luego {{min hardwareCost nme}}.')).toMatchObject([
      { underlined: 'nme', hint: 'did you mean "name"?' },
    ]);
  });

  it('asks a bare field in a deck text which of its figures to show', () => {
    expect(problemsOf('En total {{units}} unidades.')).toMatchObject([
      { code: 'sentence', ...messages.fieldNeedsHelper('units'), offset: 11, length: 5, underlined: 'units' },
    ]);
  });

  it('says what a helper takes when it gets too few or too many arguments', () => {
    expect(problemsOf('x {{sum}} y')).toMatchObject([
      { ...messages.helperArguments('sum', HELPERS.sum?.usage ?? ''), offset: 2, underlined: '{{sum}}' },
    ]);
    expect(problemsOf('x {{sum units name}}')).toMatchObject([
      { ...messages.helperArguments('sum', HELPERS.sum?.usage ?? ''), underlined: '{{sum units name}}' },
    ]);
    expect(problemsOf('{{ratio (max hardwareCost)}}')).toMatchObject([
      { ...messages.helperArguments('ratio', HELPERS.ratio?.usage ?? ''), underlined: '{{ratio (max hardwareCost)}}' },
    ]);
    expect(problemsOf('{{rank units}}')).toMatchObject([{ ...messages.helperArguments('rank', HELPERS.rank?.usage ?? '') }]);
  });

  it('asks for a row\'s name in quotes, and names an unknown row with "did you mean"', () => {
    expect(problemsOf('{{value Llama units}}')).toMatchObject([
      { ...messages.helperArguments('value', HELPERS.value?.usage ?? ''), underlined: 'Llama' },
    ]);
    expect(problemsOf('Llama tiene {{value "Llama 4" units}}.')).toMatchObject([
      { code: 'sentence', ...messages.unknownRow('Llama 4', 'Llama 3'), offset: 20, length: 9, underlined: '"Llama 4"' },
    ]);
  });

  it('points at the {{ of a text it cannot read, and says what is unfinished', () => {
    expect(problemsOf('a {{max units')).toMatchObject([
      {
        code: 'sentence',
        message: messages.sentenceSyntax({ isUnfinished: false, oneBrace: undefined, example: 'field' }).message,
        offset: 2,
      },
    ]);
    expect(problemsOf('ok {{#if units}}x')).toMatchObject([
      { message: messages.sentenceSyntax({ isUnfinished: true, oneBrace: undefined, example: 'field' }).message, offset: 3 },
    ]);
    expect(problemsOf('a {{max units} b')).toMatchObject([
      {
        ...messages.sentenceSyntax({ isUnfinished: false, oneBrace: '{{max units}', example: 'field' }),
        offset: 2,
        underlined: '{{max units}',
      },
    ]);
    expect(problemsOf('{{count}} bien, {{min units mal')).toMatchObject([{ offset: 16 }]);
  });

  it('counts offsets across the lines of a text', () => {
    expect(problemsOf('Una línea\ny otra {{foo}}')).toMatchObject([{ underlined: 'foo', offset: 19 }]);
  });

  it('refuses a helper used as a field, a text field to compare by, and a part of a field that has none', () => {
    expect(problemsOf('{{max share}}')).toMatchObject([{ ...messages.helperAsField('share'), underlined: 'share' }]);
    expect(problemsOf('{{sum name}}')).toMatchObject([{ ...messages.fieldNotMeasurable('sum', 'name', 'text'), underlined: 'name' }]);
    expect(problemsOf('{{max comment}}')).toMatchObject([
      { ...messages.fieldNotMeasurable('max', 'comment', 'text'), underlined: 'comment' },
    ]);
    expect(problemsOf('{{max units.min}}')).toMatchObject([{ ...messages.fieldPart('units', 'min'), underlined: 'units.min' }]);
  });

  it('refuses the share of a bare number, which has no column to be a share of', () => {
    expect(problemsOf('{{share 5}}')).toMatchObject([
      { code: 'sentence', ...messages.helperArguments('share', HELPERS.share?.usage ?? '') },
    ]);
    expect(problemsOf('{{ratio (max units) 2}}')).toEqual([]);
  });

  it('refuses blocks other than if and unless, partials and literals', () => {
    expect(problemsOf('{{#each rows}}x{{/each}}')).toMatchObject([{ ...messages.sentenceBlock('each'), offset: 0 }]);
    expect(problemsOf('{{> partial}}')).toMatchObject([{ ...messages.sentenceUnsupported() }]);
    expect(problemsOf('{{"texto"}}')).toMatchObject([{ ...messages.sentenceLiteral() }]);
  });

  it('reports every problem of a text, in order', () => {
    expect(problemsOf('{{mxa units}} y {{max cots}} y {{units}}').map((problem) => problem.underlined)).toEqual(['mxa', 'cots', 'units']);
  });
});
