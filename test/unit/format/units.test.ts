import { describe, expect, it } from 'vitest';
import {
  convert,
  findUnit,
  formatQuantity,
  formatQuantityRange,
  listUnits,
  parseQuantity,
  pickReadableUnit,
  type Unit,
} from '../../../src/format/units.js';

// Tests name units as a data file would; a typo here should fail loudly, not pass as undefined.
function unit(text: string): Unit {
  const found = findUnit(text);
  if (found === undefined) throw new Error(`no unit "${text}"`);
  return found;
}

const symbolOf = (text: string): string | undefined => findUnit(text)?.symbol;
const NBSP = '\u00a0';

describe('findUnit', () => {
  it('knows each family by its canonical symbols', () => {
    expect(listUnits('energy').map((u) => u.symbol)).toEqual(['Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'J', 'kJ', 'MJ', 'GJ', 'TJ', 'PJ']);
    expect(listUnits('power').map((u) => u.symbol)).toEqual(['W', 'kW', 'MW', 'GW', 'TW']);
    expect(listUnits('time').map((u) => u.symbol)).toEqual(['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
    expect(listUnits('data').map((u) => u.symbol)).toEqual(['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']);
    expect(listUnits('mass').map((u) => u.symbol)).toEqual(['g', 'kg', 't', 'kt', 'Mt', 'Gt']);
    expect(listUnits('co2').map((u) => u.symbol)).toEqual(['g CO₂e', 'kg CO₂e', 't CO₂e', 'kt CO₂e', 'Mt CO₂e', 'Gt CO₂e']);
    expect(listUnits('length').map((u) => u.symbol)).toEqual(['mm', 'cm', 'm', 'km']);
  });

  it('finds every listed unit by its own symbol', () => {
    const families = ['energy', 'power', 'time', 'data', 'mass', 'co2', 'length'] as const;
    for (const u of families.flatMap((family) => listUnits(family))) expect(findUnit(u.symbol)).toBe(u);
  });

  it('reads time words in Spanish and English, singular and plural, in any case', () => {
    for (const text of ['s', 'seg', 'segundo', 'segundos', 'sec', 'second', 'seconds']) expect(symbolOf(text)).toBe('second');
    for (const text of ['min', 'minuto', 'minutos', 'minute', 'minutes']) expect(symbolOf(text)).toBe('minute');
    for (const text of ['h', 'hora', 'horas', 'hour', 'hours']) expect(symbolOf(text)).toBe('hour');
    for (const text of ['d', 'día', 'días', 'dia', 'dias', 'day', 'days']) expect(symbolOf(text)).toBe('day');
    for (const text of ['semana', 'semanas', 'week', 'weeks', 'wk']) expect(symbolOf(text)).toBe('week');
    for (const text of ['mes', 'meses', 'month', 'months', 'mo', 'Meses', 'MONTHS']) expect(symbolOf(text)).toBe('month');
    for (const text of ['año', 'años', 'ano', 'anos', 'year', 'years', 'yr', 'a']) expect(symbolOf(text)).toBe('year');
  });

  it('reads an accent typed as a separate mark ("di\u0301a") as the same day', () => {
    expect(symbolOf('di\u0301as')).toBe('day');
  });

  it('keeps SI prefixes case-sensitive: mW is not MW', () => {
    expect(symbolOf('MW')).toBe('MW');
    expect(findUnit('mW')).toBeUndefined();
    expect(findUnit('Gwh')).toBeUndefined();
    expect(symbolOf('KB')).toBe('kB');
    expect(symbolOf('m')).toBe('m');
    expect(symbolOf('Mt')).toBe('Mt');
  });

  it('trims spaces around a unit', () => {
    expect(symbolOf('  GWh ')).toBe('GWh');
  });

  it('reads the ways reports write CO₂ equivalent, and prints one', () => {
    for (const text of ['tCO2', 't CO2', 't CO2e', 't CO₂e', 't CO₂', 'tCO2e', 't CO2-eq', 't  CO2e'])
      expect(symbolOf(text)).toBe('t CO₂e');
    expect(symbolOf('kgCO2e')).toBe('kg CO₂e');
    expect(symbolOf('MtCO2')).toBe('Mt CO₂e');
    expect(findUnit('t')?.family).toBe('mass');
  });
});

describe('parseQuantity', () => {
  const mwh = unit('MWh');

  it('takes a bare number in the declared unit', () => {
    expect(parseQuantity(900, mwh)).toEqual({ ok: true, value: 900, unit: mwh });
    expect(parseQuantity('900', mwh)).toEqual({ ok: true, value: 900, unit: mwh });
  });

  it('keeps the value and unit as written', () => {
    expect(parseQuantity('1.2 GWh', mwh)).toEqual({ ok: true, value: 1.2, unit: unit('GWh') });
    expect(parseQuantity('1.2GWh', mwh)).toEqual({ ok: true, value: 1.2, unit: unit('GWh') });
    expect(parseQuantity('900 MWh', mwh)).toEqual({ ok: true, value: 900, unit: mwh });
    expect(parseQuantity('1e3 kWh', mwh)).toEqual({ ok: true, value: 1000, unit: unit('kWh') });
    expect(parseQuantity('3.6 GJ', mwh)).toEqual({ ok: true, value: 3.6, unit: unit('GJ') });
    expect(parseQuantity('2 meses', unit('month'))).toEqual({ ok: true, value: 2, unit: unit('month') });
    expect(parseQuantity('18 días', unit('month'))).toEqual({ ok: true, value: 18, unit: unit('day') });
    expect(parseQuantity('12 tCO2', unit('t CO₂e'))).toEqual({ ok: true, value: 12, unit: unit('t CO₂e') });
  });

  it('refuses a decimal comma and suggests the point', () => {
    expect(parseQuantity('1,2 GWh', mwh)).toEqual({ ok: false, reason: 'decimal-comma', suggestion: '1.2 GWh' });
    expect(parseQuantity('1,5', unit('month'))).toEqual({ ok: false, reason: 'decimal-comma', suggestion: '1.5' });
    // Copied from a slide, where the figure and unit are joined by a no-break space.
    expect(parseQuantity(`1,2${NBSP}GWh`, mwh)).toEqual({ ok: false, reason: 'decimal-comma', suggestion: '1.2 GWh' });
  });

  it('refuses thousands separators, guessing only when the reading is certain', () => {
    expect(parseQuantity('1,200 MWh', mwh)).toEqual({ ok: false, reason: 'decimal-comma' });
    expect(parseQuantity('1.200,5 MWh', mwh)).toEqual({ ok: false, reason: 'decimal-comma', suggestion: '1200.5 MWh' });
    expect(parseQuantity('1,200,000 MWh', mwh)).toEqual({ ok: false, reason: 'not-a-quantity', suggestion: '1200000 MWh' });
    expect(parseQuantity('1.200.000 MWh', mwh)).toEqual({ ok: false, reason: 'not-a-quantity', suggestion: '1200000 MWh' });
    expect(parseQuantity('1.2.3 MWh', mwh)).toEqual({ ok: false, reason: 'not-a-quantity' });
  });

  it('suggests the unit that differs only in case', () => {
    expect(parseQuantity('12 Gwh', mwh)).toEqual({ ok: false, reason: 'unknown-unit', unitText: 'Gwh', suggestion: '12 GWh' });
    expect(parseQuantity('4 mw', unit('kW'))).toEqual({ ok: false, reason: 'unknown-unit', unitText: 'mw', suggestion: '4 MW' });
    expect(parseQuantity('5 kWatts', mwh)).toEqual({ ok: false, reason: 'unknown-unit', unitText: 'kWatts' });
  });

  it('refuses a unit of another family, naming it', () => {
    expect(parseQuantity('3 GB', mwh)).toEqual({ ok: false, reason: 'other-family', unitText: 'GB' });
    expect(parseQuantity('3 MW', mwh)).toEqual({ ok: false, reason: 'other-family', unitText: 'MW' });
  });

  it('refuses negatives and things that are not quantities', () => {
    expect(parseQuantity('-3 GWh', mwh)).toEqual({ ok: false, reason: 'negative' });
    expect(parseQuantity(-1, mwh)).toEqual({ ok: false, reason: 'negative' });
    for (const input of ['GWh', 'diez mil', '', Number.NaN, Infinity, '1e999 GWh', true, null, undefined, { value: 1 }]) {
      expect(parseQuantity(input, mwh)).toEqual({ ok: false, reason: 'not-a-quantity' });
    }
  });

  it('reads a negative zero as zero', () => {
    expect(parseQuantity('-0 MWh', mwh)).toEqual({ ok: true, value: 0, unit: mwh });
  });
});

describe('convert', () => {
  it('converts within a family', () => {
    expect(convert(1.2, unit('GWh'), unit('MWh'))).toBe(1200);
    expect(convert(1, unit('GiB'), unit('GB'))).toBe(1.073741824);
    expect(convert(3, unit('month'), unit('year'))).toBe(0.25);
    expect(convert(1, unit('kWh'), unit('MJ'))).toBe(3.6);
    expect(convert(1, unit('Wh'), unit('J'))).toBe(3600);
    expect(convert(1, unit('t CO₂e'), unit('kg CO₂e'))).toBe(1000);
    expect(convert(250, unit('cm'), unit('m'))).toBe(2.5);
    expect(convert(1, unit('year'), unit('day'))).toBe(365.25);
  });

  it('refuses to convert between families', () => {
    expect(() => convert(1, unit('GWh'), unit('GB'))).toThrow(/cannot convert GWh/);
  });
});

describe('pickReadableUnit', () => {
  const readable = (value: number, text: string): string => pickReadableUnit(value, unit(text)).symbol;

  it('picks the largest unit in which the value is at least 1', () => {
    expect(readable(0.9, 'GWh')).toBe('MWh');
    expect(readable(3.5e9, 'Wh')).toBe('GWh');
    expect(readable(-0.9, 'GWh')).toBe('MWh');
    expect(readable(0.5, 'Wh')).toBe('Wh');
    expect(readable(1500, 'g')).toBe('kg');
  });

  it('stays in the series the data chose', () => {
    expect(readable(3.6e9, 'J')).toBe('GJ');
    expect(readable(2048, 'MiB')).toBe('GiB');
    expect(readable(2000, 'MB')).toBe('GB');
  });

  it('reads time in days, months and years, not weeks', () => {
    expect(readable(36, 'month')).toBe('year');
    expect(readable(12, 'month')).toBe('year');
    expect(readable(2, 'week')).toBe('day');
    expect(readable(90, 'minute')).toBe('hour');
    expect(readable(45, 'day')).toBe('month');
  });

  it('leaves zero in its unit', () => {
    expect(readable(0, 'GWh')).toBe('GWh');
  });
});

describe('formatQuantity', () => {
  it('writes Spanish figures with a decimal comma, grouped thousands and a no-break space', () => {
    expect(formatQuantity(1.2, unit('GWh'), 'es')).toBe(`1,2${NBSP}GWh`);
    expect(formatQuantity(1200, unit('MWh'), 'es')).toBe(`1.200${NBSP}MWh`);
    expect(formatQuantity(Math.PI, unit('GiB'), 'es')).toBe(`3,14${NBSP}GiB`);
    expect(formatQuantity(12, unit('t CO₂e'), 'es')).toBe(`12${NBSP}t${NBSP}CO₂e`);
  });

  it('writes English figures with a decimal point', () => {
    expect(formatQuantity(1.2, unit('GWh'), 'en')).toBe(`1.2${NBSP}GWh`);
    expect(formatQuantity(1200, unit('MWh'), 'en')).toBe(`1,200${NBSP}MWh`);
  });

  it('spells time units in the locale, singular or plural', () => {
    expect(formatQuantity(2, unit('month'), 'es')).toBe(`2${NBSP}meses`);
    expect(formatQuantity(1, unit('month'), 'es')).toBe(`1${NBSP}mes`);
    expect(formatQuantity(1.5, unit('month'), 'es')).toBe(`1,5${NBSP}meses`);
    expect(formatQuantity(1, unit('día'), 'es')).toBe(`1${NBSP}día`);
    expect(formatQuantity(2, unit('month'), 'en')).toBe(`2${NBSP}months`);
    expect(formatQuantity(1, unit('year'), 'en')).toBe(`1${NBSP}year`);
  });

  it('rounds to maxDecimals, or to significant digits when given', () => {
    expect(formatQuantity(1.23456, unit('GWh'), 'es', { maxDecimals: 0 })).toBe(`1${NBSP}GWh`);
    expect(formatQuantity(7812.5, unit('MWh'), 'es', { significant: 2 })).toBe(`7.800${NBSP}MWh`);
    expect(formatQuantity(7812.5, unit('MWh'), 'es', { significant: 2, maxDecimals: 4 })).toBe(`7.800${NBSP}MWh`);
    // Intl rounds the decimal as written, half away from zero, where (1.005).toFixed(2) gives "1.00".
    expect(formatQuantity(1.005, unit('GWh'), 'en')).toBe(`1.01${NBSP}GWh`);
  });

  it('never shows a minus on a figure that rounds to zero', () => {
    expect(formatQuantity(-0.001, unit('GWh'), 'es')).toBe(`0${NBSP}GWh`);
    expect(formatQuantity(-0, unit('month'), 'es')).toBe(`0${NBSP}meses`);
  });

  it('gives the same text however often it is asked', () => {
    const first = formatQuantity(1234.567, unit('MWh'), 'es');
    expect(Array.from({ length: 3 }, () => formatQuantity(1234.567, unit('MWh'), 'es'))).toEqual([first, first, first]);
  });
});

describe('formatQuantityRange', () => {
  it('names the unit once, after the upper end', () => {
    expect(formatQuantityRange(2, 3, unit('month'), 'es', 'a')).toBe(`2 a 3${NBSP}meses`);
    expect(formatQuantityRange(1, 2, unit('GWh'), 'es', 'a')).toBe(`1 a 2${NBSP}GWh`);
    expect(formatQuantityRange(2, 3, unit('month'), 'en', 'to')).toBe(`2 to 3${NBSP}months`);
    expect(formatQuantityRange(1.5, 2.25, unit('month'), 'es', 'a', { maxDecimals: 1 })).toBe(`1,5 a 2,3${NBSP}meses`);
  });

  it('reads equal ends as one figure', () => {
    expect(formatQuantityRange(2, 2, unit('month'), 'es', 'a')).toBe(`2${NBSP}meses`);
    expect(formatQuantityRange(1, 1, unit('month'), 'es', 'a')).toBe(`1${NBSP}mes`);
    expect(formatQuantityRange(2, 2.001, unit('GWh'), 'es', 'a')).toBe(`2${NBSP}GWh`);
  });
});
