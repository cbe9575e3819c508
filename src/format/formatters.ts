import { convertEnergy, pickEnergyUnit, type Energy, type EnergyUnit } from './energy.js';

/** A range of months; min === max for a single figure. */
export interface MonthRange {
  readonly min: number;
  readonly max: number;
}

/**
 * One formatter per kind of figure, shared by tables, sentences and charts,
 * so a number never reads differently on two slides.
 */
export interface Formatters {
  readonly locale: string;
  /** 10000 → "10.000" */
  count(value: number): string;
  /** Plain decimal: 1.5 → "1,5" */
  decimal(value: number): string;
  /** 8000 → "8.000 US$" */
  money(value: number): string;
  /** 7812.5 → "7.800 US$": for derived prices, two significant digits. */
  moneyApprox(value: number): string;
  /** 80e6 → "80 M US$" (axes, labels) */
  moneyShort(value: number): string;
  /** 80e6 → "80 millones" (tables, sentences) */
  moneyWords(value: number): string;
  /** 1.2 GWh as written → "1,2 GWh" */
  energy(energy: Energy): string;
  /** A quantity in Wh shown in the readable unit, or in `unit` when given. */
  energyWh(wh: number, unit?: EnergyUnit): string;
  /** {2,3} → "2 a 3 meses", {1,1} → "1 mes" */
  months(range: MonthRange): string;
  /** 20 → "20 veces" */
  times(value: number): string;
  /** A date without time zone shift: 2025-11-02 → "2 de noviembre de 2025" */
  date(value: Date): string;
  /** ["a","b","c"] → "a, b y c" */
  list(items: readonly string[]): string;
}

// A figure and its unit stay on one line, as Intl does for currencies.
const NBSP = '\u00a0';

export function createFormatters(locale: string): Formatters {
  // Building a dozen Intl formatters costs ~2.5 ms, a tenth of a warm rebuild; they are immutable, so reuse them.
  const known = formattersByLocale.get(locale);
  if (known !== undefined) return known;
  const created = buildFormatters(locale);
  formattersByLocale.set(locale, created);
  return created;
}

const formattersByLocale = new Map<string, Formatters>();

// Each Intl formatter is made when it first formats: after ICU's own start (~28 ms, paid once by whichever comes
// first) a date or list formatter costs 6-8 ms more in a cold process, and a deck that shows none never pays it.
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function buildFormatters(locale: string): Formatters {
  const grouped = { useGrouping: 'always' } as const;
  const count = once(() => new Intl.NumberFormat(locale, { ...grouped, maximumFractionDigits: 0 }));
  const decimal = once(() => new Intl.NumberFormat(locale, { ...grouped, maximumFractionDigits: 2 }));
  const money = once(() => new Intl.NumberFormat(locale, { ...grouped, style: 'currency', currency: 'USD', maximumFractionDigits: 0 }));
  const moneyApprox = once(() => new Intl.NumberFormat(locale, { ...grouped, style: 'currency', currency: 'USD', maximumSignificantDigits: 2 }));
  const moneyShort = once(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }));
  const moneyWords = once(() => new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }));
  const monthsOne = once(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long', maximumFractionDigits: 1 }));
  const monthsBare = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
  const date = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
  const list = once(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  const rangeWord = once(() => new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' }));
  const energyValue = once(() => new Intl.NumberFormat(locale, { ...grouped, maximumFractionDigits: 2 }));
  const energyWh = (wh: number, unit: EnergyUnit = pickEnergyUnit(wh)): string =>
    `${energyValue().format(convertEnergy(wh, unit))}${NBSP}${unit}`;

  return {
    locale,
    count: (value) => count().format(value),
    decimal: (value) => decimal().format(value),
    money: (value) => money().format(value),
    moneyApprox: (value) => moneyApprox().format(value),
    moneyShort: (value) => moneyShort().format(value),
    moneyWords: (value) => moneyWords().format(value),
    energy: (energy) => `${energyValue().format(energy.value)}${NBSP}${energy.unit}`,
    energyWh,
    months: ({ min, max }) =>
      min === max ? monthsOne().format(min) : formatMonthRange(monthsBare().format(min), monthsOne().format(max), locale, rangeWord),
    times: (value) => `${decimal().format(value)} ${value === 1 ? 'vez' : 'veces'}`,
    date: (value) => date().format(value),
    list: (items) => list().format(items),
  };
}

// Intl has no "2 a 3 meses" range for units in every engine, so the word between comes from the locale's own table.
function formatMonthRange(min: string, max: string, locale: string, fallback: () => Intl.ListFormat): string {
  const between = RANGE_WORDS[locale.split('-')[0] ?? ''];
  return between === undefined ? fallback().format([min, max]) : `${min} ${between} ${max}`;
}

const RANGE_WORDS: Readonly<Record<string, string>> = { es: 'a', en: 'to', pt: 'a', fr: 'à' };
