import { describe, expect, it } from 'vitest';
import { parseEnergy } from '../../../src/format/energy.js';
import { createFormatters } from '../../../src/format/formatters.js';

const es = createFormatters('es');
// Intl keeps a figure and its unit together with no-break spaces; compare as a reader sees them.
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('Spanish formatters', () => {
  it('groups thousands with a point, also for four digits, as a table column must', () => {
    expect(plain(es.count(10000))).toBe('10.000');
    expect(plain(es.count(2000))).toBe('2.000');
    expect(plain(es.count(512))).toBe('512');
  });

  it('writes money as the seed does: "80 millones", "8.000 US$", "80 M US$"', () => {
    expect(plain(es.moneyWords(80_000_000))).toBe('80 millones');
    expect(plain(es.moneyWords(4_000_000))).toBe('4 millones');
    expect(plain(es.money(8000))).toBe('8.000 US$');
    expect(plain(es.moneyShort(80_000_000))).toBe('80 M US$');
    expect(plain(es.moneyApprox(4_000_000 / 512))).toBe('7.800 US$');
  });

  it('keeps the unit the data used for energies, with a decimal comma', () => {
    const energy = parseEnergy('1.2 GWh');
    expect(energy).toEqual({ value: 1.2, unit: 'GWh', wh: 1.2e9 });
    expect(plain(es.energy(energy ?? { value: 0, unit: 'Wh', wh: 0 }))).toBe('1,2 GWh');
    expect(plain(es.energyWh(3.5e9))).toBe('3,5 GWh');
    expect(plain(es.energyWh(900e6))).toBe('900 MWh');
    expect(plain(es.energyWh(100, 'kWh'))).toBe('0,1 kWh');
  });

  it('reads month ranges as the seed does', () => {
    expect(plain(es.months({ min: 2, max: 3 }))).toBe('2 a 3 meses');
    expect(plain(es.months({ min: 1, max: 1 }))).toBe('1 mes');
    expect(plain(es.months({ min: 1.5, max: 1.5 }))).toBe('1,5 meses');
    expect(plain(es.months({ min: 2, max: 2 }))).toBe('2 meses');
  });

  it('writes dates in words, without a time-zone shift', () => {
    expect(plain(es.date(new Date('2025-11-02T00:00:00Z')))).toBe('2 de noviembre de 2025');
  });

  it('refuses energies without a known unit', () => {
    expect(parseEnergy('1,2 GWh')).toBeUndefined();
    expect(parseEnergy('5 kWatts')).toBeUndefined();
    expect(parseEnergy('900MWh')?.wh).toBe(900e6);
  });
});
