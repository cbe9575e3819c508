/** Units a quantity field may declare: find, parse, convert, pick a readable one, format in any locale. */

export const UNIT_FAMILIES = ['energy', 'power', 'time', 'data', 'mass', 'co2', 'length'] as const;

export type UnitFamily = (typeof UNIT_FAMILIES)[number];

export interface Unit {
  /** Canonical: 'GWh', 'month', 'GiB', 't CO₂e' */
  readonly symbol: string;
  readonly family: UnitFamily;
  /** Size in the family's base unit: Wh, W, second, byte, gram, gram CO₂e, metre. */
  readonly factor: number;
  /** Units that belong together when picking a readable unit: 'Wh' vs 'J', 'SI' vs 'IEC' data. */
  readonly series: string;
  /** Intl's sanctioned unit, for long, localized, pluralized names. */
  readonly intlUnit?: string;
}

type Row = readonly [symbol: string, factor: number, aliases?: readonly string[]];

interface UnitEntry {
  readonly unit: Unit;
  /** The symbol and every alias the data may write. */
  readonly names: readonly string[];
}

function defineSeries(family: UnitFamily, series: string, rows: readonly Row[]): UnitEntry[] {
  // Time symbols are Intl's own unit names, so Intl can spell and pluralize them in every locale.
  const intl = (symbol: string): { intlUnit?: string } => (family === 'time' ? { intlUnit: symbol } : {});
  return rows.map(([symbol, factor, aliases = []]) => ({
    unit: { symbol, family, series, factor, ...intl(symbol) },
    names: [symbol, ...aliases],
  }));
}

const DAY = 86_400;
const YEAR = 365.25 * DAY;
const TONNE_ROWS: readonly Row[] = [
  ['g', 1],
  ['kg', 1e3],
  ['t', 1e6],
  ['kt', 1e9],
  ['Mt', 1e12],
  ['Gt', 1e15],
];
const CO2_ROWS: readonly Row[] = TONNE_ROWS.map(([prefix, factor]) => [`${prefix} CO₂e`, factor, co2Spellings(prefix)]);

const ROWS: ReadonlyArray<readonly [UnitFamily, string, readonly Row[]]> = [
  [
    'energy',
    'Wh',
    [
      ['Wh', 1],
      ['kWh', 1e3],
      ['MWh', 1e6],
      ['GWh', 1e9],
      ['TWh', 1e12],
    ],
  ],
  [
    'energy',
    'J',
    [
      ['J', 1 / 3600],
      ['kJ', 1e3 / 3600],
      ['MJ', 1e6 / 3600],
      ['GJ', 1e9 / 3600],
      ['TJ', 1e12 / 3600],
      ['PJ', 1e15 / 3600],
    ],
  ],
  [
    'power',
    'W',
    [
      ['W', 1],
      ['kW', 1e3],
      ['MW', 1e6],
      ['GW', 1e9],
      ['TW', 1e12],
    ],
  ],
  [
    'time',
    'time',
    [
      ['millisecond', 1e-3, ['ms', 'msec', 'milliseconds', 'milisegundo', 'milisegundos']],
      ['second', 1, ['s', 'sec', 'secs', 'seconds', 'seg', 'segundo', 'segundos']],
      ['minute', 60, ['min', 'mins', 'minutes', 'minuto', 'minutos']],
      ['hour', 3600, ['h', 'hr', 'hrs', 'hours', 'hora', 'horas']],
      ['day', DAY, ['d', 'days', 'día', 'días', 'dia', 'dias']],
      ['week', 7 * DAY, ['wk', 'wks', 'weeks', 'semana', 'semanas']],
      ['month', YEAR / 12, ['mo', 'months', 'mes', 'meses']],
      ['year', YEAR, ['a', 'yr', 'yrs', 'years', 'año', 'años', 'ano', 'anos']],
    ],
  ],
  [
    'data',
    'SI',
    [
      ['B', 1],
      ['kB', 1e3, ['KB']],
      ['MB', 1e6],
      ['GB', 1e9],
      ['TB', 1e12],
      ['PB', 1e15],
    ],
  ],
  [
    'data',
    'IEC',
    [
      ['KiB', 1024],
      ['MiB', 1024 ** 2],
      ['GiB', 1024 ** 3],
      ['TiB', 1024 ** 4],
      ['PiB', 1024 ** 5],
    ],
  ],
  ['mass', 'g', TONNE_ROWS],
  ['co2', 'CO₂e', CO2_ROWS],
  [
    'length',
    'm',
    [
      ['mm', 1e-3],
      ['cm', 1e-2],
      ['m', 1],
      ['km', 1e3],
    ],
  ],
];

/** "tCO2", "t CO₂", "t CO2-eq"…: every way a report writes tonnes of CO₂ equivalent. */
function co2Spellings(prefix: string): string[] {
  return ['', ' '].flatMap((gap) =>
    ['CO2', 'CO₂'].flatMap((co2) => ['', 'e', 'eq', '-e', '-eq'].map((tail) => `${prefix}${gap}${co2}${tail}`)),
  );
}

const ENTRIES: readonly UnitEntry[] = ROWS.flatMap(([family, series, rows]) => defineSeries(family, series, rows));
const UNITS: readonly Unit[] = ENTRIES.map((entry) => entry.unit);

function indexNames(fold: (name: string) => string): Map<string, Unit[]> {
  const index = new Map<string, Unit[]>();
  for (const { unit, names } of ENTRIES) {
    for (const name of new Set(names.map(fold))) index.set(name, [...(index.get(name) ?? []), unit]);
  }
  return index;
}

const BY_NAME = indexNames((name) => name);
const BY_FOLDED_NAME = indexNames((name) => name.toLowerCase());

function cleanUnitText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Units whose name matches `text` ignoring case: the candidates for "did you mean". */
function findUnitsIgnoringCase(text: string): readonly Unit[] {
  return BY_FOLDED_NAME.get(cleanUnitText(text).toLowerCase()) ?? [];
}

/** By symbol or alias; case counts for SI prefixes (mW is not MW), not for time words ("Meses"). */
export function findUnit(text: string): Unit | undefined {
  const exact = BY_NAME.get(cleanUnitText(text))?.[0];
  if (exact !== undefined) return exact;
  const [folded, ...others] = findUnitsIgnoringCase(text);
  // Time units carry no prefixes, so their case means nothing.
  return folded?.family === 'time' && others.length === 0 ? folded : undefined;
}

/** For hints: "use one of Wh, kWh, …". */
export function listUnits(family: UnitFamily): readonly Unit[] {
  return UNITS.filter((unit) => unit.family === family);
}

type ParseFailure = Extract<QuantityParse, { ok: false }>;

export type QuantityParse =
  | { readonly ok: true; readonly value: number; readonly unit: Unit }
  | {
      readonly ok: false;
      readonly reason: 'decimal-comma' | 'unknown-unit' | 'other-family' | 'not-a-quantity' | 'negative';
      readonly unitText?: string;
      readonly suggestion?: string;
    };

// A number with its separators as written, an optional exponent, then whatever names the unit.
const QUANTITY_PATTERN = /^(-?)([\d.,]+)((?:[eE][+-]?\d+)?)\s*(.*)$/su;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/** A number is the declared unit; a text is "1.2 GWh", "900MWh", "2 meses" or a bare "900". */
export function parseQuantity(input: unknown, declared: Unit): QuantityParse {
  if (typeof input === 'number') return checkValue(input, declared);
  if (typeof input !== 'string') return { ok: false, reason: 'not-a-quantity' };
  const match = QUANTITY_PATTERN.exec(input.normalize('NFC').trim());
  if (match === null) return { ok: false, reason: 'not-a-quantity' };
  const [, sign = '', digits = '', exponent = '', unitText = ''] = match;
  const withUnit = (number: string, unit: string): string => (unit === '' ? number : `${number} ${unit}`);
  if (!PLAIN_NUMBER.test(digits)) {
    const { reason, plain } = diagnoseSeparators(digits);
    return plain === undefined
      ? { ok: false, reason }
      : { ok: false, reason, suggestion: withUnit(`${sign}${plain}${exponent}`, unitText) };
  }
  const unit = unitText === '' ? declared : findUnit(unitText);
  if (unit === undefined) {
    const [likely, ...others] = findUnitsIgnoringCase(unitText).filter((candidate) => candidate.family === declared.family);
    const suggestion = likely !== undefined && others.length === 0 ? withUnit(`${sign}${digits}${exponent}`, likely.symbol) : undefined;
    return { ok: false, reason: 'unknown-unit', unitText, ...(suggestion === undefined ? {} : { suggestion }) };
  }
  if (unit.family !== declared.family) return { ok: false, reason: 'other-family', unitText };
  return checkValue(Number(`${sign}${digits}${exponent}`), unit);
}

function checkValue(value: number, unit: Unit): QuantityParse {
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-quantity' };
  if (value < 0) return { ok: false, reason: 'negative' };
  // "-0" is a zero; a minus sign on it would only show up later in a table.
  return { ok: true, value: value === 0 ? 0 : value, unit };
}

/** Why "1,2" or "1.200,5" is not a plain number, and the plain number when it is certain. */
function diagnoseSeparators(digits: string): { readonly reason: ParseFailure['reason']; readonly plain?: string } {
  const single = /^(\d+),(\d+)$/.exec(digits);
  // "1,200" is 1.2 in Madrid and 1200 in London: refuse it without guessing.
  if (single !== null)
    return single[2]?.length === 3 ? { reason: 'decimal-comma' } : { reason: 'decimal-comma', plain: digits.replace(',', '.') };
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits)) return { reason: 'decimal-comma', plain: digits.replace(/\./g, '').replace(',', '.') };
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) return { reason: 'not-a-quantity', plain: digits.replace(/,/g, '') };
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) return { reason: 'not-a-quantity', plain: digits.replace(/\./g, '') };
  return { reason: 'not-a-quantity' };
}

export function convert(value: number, from: Unit, to: Unit): number {
  if (from.family !== to.family) throw new Error(`cannot convert ${from.symbol} (${from.family}) to ${to.symbol} (${to.family})`);
  if (from.factor === to.factor) return value;
  // Factors like 1/3600 leave binary noise (3.6000000000000005 MJ); a double only holds 15 significant digits anyway.
  return Number(((value * from.factor) / to.factor).toPrecision(15));
}

// Weeks read oddly for most spans ("8,7 semanas"); days and months say the same thing better.
const SKIPPED_WHEN_PICKING: ReadonlySet<string> = new Set(['week']);

/** The largest unit of the same series in which |value| is at least 1: 0.9 GWh → MWh, 3.5e9 Wh → GWh. */
export function pickReadableUnit(value: number, unit: Unit): Unit {
  if (value === 0 || !Number.isFinite(value)) return unit;
  const size = Math.abs(value) * unit.factor;
  const isRung = (candidate: Unit): boolean =>
    candidate.family === unit.family && candidate.series === unit.series && !SKIPPED_WHEN_PICKING.has(candidate.symbol);
  const ladder = UNITS.filter(isRung);
  // Tolerate float noise, so 12 months lands on 1 year and not 11.999… months.
  return ladder.findLast((candidate) => size >= candidate.factor * (1 - 1e-12)) ?? ladder[0] ?? unit;
}

export interface QuantityFormat {
  readonly maxDecimals?: number;
  /** Wins over maxDecimals: maximumSignificantDigits. */
  readonly significant?: number;
}

// A figure and its unit stay on one line.
const NBSP = '\u00a0';

// Creating an Intl.NumberFormat costs ~0.2 ms and a build formats hundreds of values; they are immutable, so share them.
const numberFormats = new Map<string, Intl.NumberFormat>();

function getNumberFormat(locale: string, options: QuantityFormat, intlUnit?: string): Intl.NumberFormat {
  const key = JSON.stringify([locale, intlUnit ?? null, options.maxDecimals ?? null, options.significant ?? null]);
  const known = numberFormats.get(key);
  if (known !== undefined) return known;
  const digits =
    options.significant === undefined
      ? { maximumFractionDigits: options.maxDecimals ?? 2 }
      : { maximumSignificantDigits: options.significant };
  const style = intlUnit === undefined ? {} : ({ style: 'unit', unit: intlUnit, unitDisplay: 'long' } as const);
  // 'always' groups 1200 as "1.200" in Spanish too, so a column of figures lines up; 'negative' never shows "-0".
  const created = new Intl.NumberFormat(locale, { useGrouping: 'always', signDisplay: 'negative', ...digits, ...style });
  numberFormats.set(key, created);
  return created;
}

/** 1.2 GWh → "1,2 GWh" in 'es'; 2 month → "2 meses" in 'es', "2 months" in 'en'. */
export function formatQuantity(value: number, unit: Unit, locale: string, options: QuantityFormat = {}): string {
  if (unit.intlUnit === undefined) return `${getNumberFormat(locale, options).format(value)}${NBSP}${unit.symbol.replace(/ /g, NBSP)}`;
  const parts = getNumberFormat(locale, options, unit.intlUnit).formatToParts(value);
  // Intl joins "2 meses" with a plain space; the symbols join with a no-break space, and so do the words.
  return parts.map((part) => (part.type === 'literal' ? part.value.replace(/ /g, NBSP) : part.value)).join('');
}

/** (2, 3, month, 'es', 'a') → "2 a 3 meses"; equal ends read as one figure: "2 meses". */
export function formatQuantityRange(
  min: number,
  max: number,
  unit: Unit,
  locale: string,
  between: string,
  options: QuantityFormat = {},
): string {
  const bare = getNumberFormat(locale, options);
  const low = bare.format(min);
  const high = formatQuantity(max, unit, locale, options);
  return low === bare.format(max) ? high : `${low} ${between} ${high}`;
}
