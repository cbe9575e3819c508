import { describe, expect, it } from 'vitest';
import { FieldDeclarationSchema } from '../../../src/data/field-schema.js';
import { resolveField, type Field } from '../../../src/data/fields.js';
import { parseValue } from '../../../src/data/values.js';
import {
  formatAggregate,
  formatCount,
  formatList,
  formatLongDate,
  formatShare,
  formatTimes,
  formatValue,
  type FormatContext,
} from '../../../src/format/values.js';
import { findWords } from '../../../src/i18n/words.js';

const ES: FormatContext = { locale: 'es', words: findWords('es') };
const EN: FormatContext = { locale: 'en', words: findWords('en') };

function field(declaration: Record<string, unknown>): Field {
  const resolved = resolveField('x', FieldDeclarationSchema.parse(declaration));
  if ('problem' in resolved) throw new Error(`bad declaration ${JSON.stringify(declaration)}`);
  return resolved.field;
}

// A figure and its unit or currency stay together with a no-break space; compare them as a reader sees them.
const readable = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** A value as written in a row, shown as the table shows it in Spanish and in English. */
function shown(declaration: Record<string, unknown>, raw: unknown): { es: string; en: string } {
  const declared = field(declaration);
  const parsed = parseValue(declared, raw);
  if (!('value' in parsed)) throw new Error(`${JSON.stringify(raw)} is not a value of ${JSON.stringify(declaration)}`);
  return { es: readable(formatValue(declared, parsed.value, ES)), en: readable(formatValue(declared, parsed.value, EN)) };
}

describe('formatValue: money', () => {
  it("writes an amount in the field's currency, with cents both or none", () => {
    expect(shown({ type: 'money' }, 8000)).toEqual({ es: '8.000 US$', en: '$8,000' });
    expect(shown({ type: 'money' }, 4.1)).toEqual({ es: '4,10 US$', en: '$4.10' });
    expect(shown({ type: 'money' }, 1234567.891)).toEqual({ es: '1.234.567,89 US$', en: '$1,234,567.89' });
    expect(shown({ type: 'money', currency: 'EUR' }, 8000)).toEqual({ es: '8.000 €', en: '€8,000' });
  });

  it('writes large amounts in words: "80 millones", "80 million"', () => {
    expect(shown({ type: 'money', display: 'words' }, 80_000_000)).toEqual({ es: '80 millones', en: '80 million' });
    expect(shown({ type: 'money', display: 'words' }, 1_500_000)).toEqual({ es: '1,5 millones', en: '1.5 million' });
    expect(shown({ type: 'money', display: 'words' }, 1_200_000_000)).toEqual({ es: '1,2 mil millones', en: '1.2 billion' });
  });

  it('writes them short with the currency: "80 M US$", as the README shows', () => {
    expect(shown({ type: 'money', display: 'short' }, 80_000_000)).toEqual({ es: '80 M US$', en: '$80M' });
    expect(shown({ type: 'money', display: 'short' }, 1500)).toEqual({ es: '1,5 mil US$', en: '$1.5K' });
  });

  it('rounds to the declared decimals or significant digits: 7812.5 with significant: 2 is 7.800', () => {
    expect(shown({ type: 'money', significant: 2 }, 7812.5)).toEqual({ es: '7.800 US$', en: '$7,800' });
    expect(shown({ type: 'money', significant: 2 }, 123456)).toEqual({ es: '120.000 US$', en: '$120,000' });
    expect(shown({ type: 'money', decimals: 0 }, 4.6)).toEqual({ es: '5 US$', en: '$5' });
  });

  it('writes a whole amount a formula computed (4.10 × 730) like the same amount given', () => {
    const money = field({ type: 'money' });
    expect(readable(formatValue(money, { kind: 'number', number: 4.1 * 730 }, ES))).toBe(
      readable(formatValue(money, { kind: 'number', number: 2993 }, ES)),
    );
  });
});

describe('formatValue: numbers, counts and percents', () => {
  it('groups thousands always and shows at most the declared decimals', () => {
    expect(shown({ type: 'number' }, 1234.5)).toEqual({ es: '1.234,5', en: '1,234.5' });
    expect(shown({ type: 'number' }, 2000)).toEqual({ es: '2.000', en: '2,000' });
    expect(shown({ type: 'number' }, 1.23456)).toEqual({ es: '1,23', en: '1.23' });
    expect(shown({ type: 'number', decimals: 0 }, 1234.5)).toEqual({ es: '1.235', en: '1,235' });
    expect(shown({ type: 'number', significant: 2 }, 0.012345)).toEqual({ es: '0,012', en: '0.012' });
    expect(shown({ type: 'integer' }, 10000)).toEqual({ es: '10.000', en: '10,000' });
  });

  it('writes numbers in words or short when the field asks', () => {
    expect(shown({ type: 'number', display: 'words' }, 80_000_000)).toEqual({ es: '80 millones', en: '80 million' });
    expect(shown({ type: 'integer', display: 'short' }, 80_000_000)).toEqual({ es: '80 M', en: '80M' });
  });

  it('writes a percent from its share, to one decimal unless declared', () => {
    expect(shown({ type: 'percent' }, 45)).toEqual({ es: '45 %', en: '45%' });
    expect(shown({ type: 'percent' }, '12.5 %')).toEqual({ es: '12,5 %', en: '12.5%' });
    expect(shown({ type: 'percent', decimals: 0 }, '45.5 %')).toEqual({ es: '46 %', en: '46%' });
  });
});

describe('formatValue: quantities and ranges', () => {
  const energy = { type: 'quantity', unit: 'MWh' };

  it('shows each value in the unit it was written in (display: written, the default)', () => {
    expect(shown(energy, '1.2 GWh')).toEqual({ es: '1,2 GWh', en: '1.2 GWh' });
    expect(shown(energy, '900 MWh')).toEqual({ es: '900 MWh', en: '900 MWh' });
    expect(shown(energy, 3500)).toEqual({ es: '3.500 MWh', en: '3,500 MWh' });
  });

  it('picks the most readable unit with display: best, and always one unit with display: GWh', () => {
    expect(shown({ ...energy, display: 'best' }, 3500)).toEqual({ es: '3,5 GWh', en: '3.5 GWh' });
    expect(shown({ ...energy, display: 'best' }, 0.5)).toEqual({ es: '500 kWh', en: '500 kWh' });
    expect(shown({ ...energy, display: 'GWh' }, 900)).toEqual({ es: '0,9 GWh', en: '0.9 GWh' });
    expect(shown({ ...energy, display: 'GWh' }, '1.2 GWh')).toEqual({ es: '1,2 GWh', en: '1.2 GWh' });
  });

  it("spells and pluralizes time in the deck's language", () => {
    const months = { type: 'quantity', unit: 'month' };
    expect(shown(months, 1)).toEqual({ es: '1 mes', en: '1 month' });
    expect(shown(months, 1.5)).toEqual({ es: '1,5 meses', en: '1.5 months' });
    expect(shown(months, '1 año')).toEqual({ es: '1 año', en: '1 year' });
  });

  it('reads a range "2 a 3 meses" / "2 to 3 months", and equal ends as one figure', () => {
    const months = { type: 'range', unit: 'month' };
    expect(shown(months, { min: 2, max: 3 })).toEqual({ es: '2 a 3 meses', en: '2 to 3 months' });
    expect(shown(months, 2)).toEqual({ es: '2 meses', en: '2 months' });
    expect(shown(months, 1)).toEqual({ es: '1 mes', en: '1 month' });
    expect(shown({ type: 'range' }, { min: 1000, max: 2500.5 })).toEqual({ es: '1.000 a 2.500,5', en: '1,000 to 2,500.5' });
    expect(shown({ type: 'range', unit: 'GWh' }, { min: 1, max: 2 })).toEqual({ es: '1 a 2 GWh', en: '1 to 2 GWh' });
  });
});

describe('formatValue: dates and text', () => {
  it('writes a date as precise as it was given', () => {
    expect(shown({ type: 'date' }, '2023-03-14')).toEqual({ es: '14 de marzo de 2023', en: 'March 14, 2023' });
    expect(shown({ type: 'date' }, '2023-03')).toEqual({ es: 'marzo de 2023', en: 'March 2023' });
    expect(shown({ type: 'date' }, '2023')).toEqual({ es: '2023', en: '2023' });
  });

  it('writes a short date with the year in full', () => {
    expect(shown({ type: 'date', display: 'short' }, '2023-03-14')).toEqual({ es: '14/3/2023', en: '3/14/2023' });
    expect(shown({ type: 'date', display: 'short' }, '2023')).toEqual({ es: '2023', en: '2023' });
  });

  it("leaves text as written: escaping is the renderer's job", () => {
    expect(shown({ type: 'text' }, '<b>x</b>')).toEqual({ es: '<b>x</b>', en: '<b>x</b>' });
  });
});

describe('the figures sentences compute', () => {
  it('writes a total of a quantity in its most readable unit, unless the field fixes one', () => {
    expect(readable(formatAggregate(field({ type: 'quantity', unit: 'MWh' }), 3500, ES))).toBe('3,5 GWh');
    expect(readable(formatAggregate(field({ type: 'quantity', unit: 'MWh' }), 0.3, EN))).toBe('300 kWh');
    expect(readable(formatAggregate(field({ type: 'quantity', unit: 'MWh', display: 'MWh' }), 3500, ES))).toBe('3.500 MWh');
  });

  it('gives a mean of counts one decimal', () => {
    expect(formatAggregate(field({ type: 'integer' }), 12512 / 3, ES)).toBe('4.170,7');
  });

  it('writes ratios as "veces" / "times", singular for one', () => {
    expect(formatTimes(20, ES)).toBe('20 veces');
    expect(formatTimes(1, ES)).toBe('1 vez');
    expect(formatTimes(19.53, EN)).toBe('19.5 times');
    expect(formatTimes(1.04, EN)).toBe('1 time');
  });

  it("writes shares, counts, the title date and lists in the deck's language", () => {
    expect(readable(formatShare(0.421, ES))).toBe('42,1 %');
    expect(formatShare(0.421, EN)).toBe('42.1%');
    expect(formatCount(12512, ES)).toBe('12.512');
    expect(formatCount(12512, EN)).toBe('12,512');
    expect(formatLongDate('2025-11-02', 'es')).toBe('2 de noviembre de 2025');
    expect(formatLongDate('2025-11-02', 'en')).toBe('November 2, 2025');
    expect(formatList(['a', 'b', 'c'], ES)).toBe('a, b y c');
    expect(formatList(['a', 'b', 'c'], EN)).toBe('a, b, and c');
  });
});
