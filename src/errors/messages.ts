/**
 * Every user-facing sentence of datadeck, one entry per situation, in English. Tests assert entries, not pasted text.
 * Each other language is a sibling file with the same entries (messages-es.ts), checked against this one by the
 * compiler; the report prints a problem in the user's language from its entry's name and arguments.
 */

export interface Message {
  readonly message: string;
  readonly hint: string;
  /** Which entry said it, with what: the report says it again in the user's language. */
  readonly entry?: MessageEntry | undefined;
}

export interface MessageEntry {
  readonly name: MessageName;
  readonly args: readonly unknown[];
}

const quote = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)));
const describe = (value: unknown): string => {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
};
const nameList = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');
const FAMILIES: Readonly<Record<string, string>> = {
  energy: 'energy',
  power: 'power',
  time: 'time',
  data: 'data size',
  mass: 'mass',
  co2: 'emissions',
  length: 'length',
};
const family = (name: string): string => FAMILIES[name] ?? name;

/** What a chart option's field must be, in words: the role names of src/charts/declared.ts. */
export type ChartFieldRole = 'number' | 'range' | 'label' | 'group' | 'axis';
const ROLE_WORDS: Readonly<Record<ChartFieldRole, string>> = {
  number: 'a number field (number, integer, money, quantity or percent)',
  range: 'a range field',
  label: 'a text, category or date field',
  group: 'a category or text field',
  axis: 'a number or date field',
};
const fittingHint = (role: ChartFieldRole, fitting: readonly string[]): string =>
  fitting.length > 0 ? `the fields that fit are ${nameList(fitting)}` : `declare ${ROLE_WORDS[role]} under fields: first`;

const english = {
  fileMissing: (file: string): Message => ({
    message: `Cannot read the data file ${file}: it does not exist.`,
    hint: 'check the path, or pass another file with --data path/to/deck.yaml',
  }),
  fileUnreadable: (file: string, reason: string): Message => ({
    message: `Cannot read ${file}: ${reason}.`,
    hint: 'check that the path is a readable file, not a folder',
  }),
  fileEmpty: (file: string): Message => ({
    message: `The data file ${file} is empty.`,
    hint: 'start a new deck with: npx datadeck new my-deck.yaml (it has meta, fields, rows and slides)',
  }),
  notAMapping: (found: unknown): Message => ({
    message: `The data file must be a YAML mapping with meta, fields, rows and slides; it holds ${describe(found)}.`,
    hint: 'write top-level keys like "meta:", "fields:", "rows:" and "slides:" at the start of a line',
  }),
  yamlSyntax: (detail: string): Message => ({
    message: `YAML syntax error: ${detail}`,
    hint: 'check indentation (spaces, not tabs), colons after keys, and quotes around text containing ": " or "#"',
  }),
  yamlNeedsQuotes: (start: string): Message => ({
    message: `A text that starts with ${start === '{{' ? '{{' : '* (as **bold** does)'} must be in quotes: YAML reads it as its own syntax.`,
    hint: `put the whole text in single quotes, e.g. caption: '${start === '{{' ? '{{max cost name}} fue el más caro.' : '**Importante:** el texto.'}'`,
  }),
  yamlDuplicateKey: (key: string): Message => ({
    message: `The key "${key}" appears twice in the same mapping.`,
    hint: 'keep one of them: a later one would silently replace the first',
  }),
  yamlAliasBomb: (): Message => ({
    message: 'The YAML uses aliases that would expand to an enormous document.',
    hint: 'write the values out instead of using *alias references; datadeck refuses alias bombs',
  }),
  expectedNumber: (value: unknown): Message => {
    if (typeof value === 'string' && /^\s*\d+,\d+\s*$/.test(value)) {
      return {
        message: `Expected a number, got the text ${quote(value)}.`,
        hint: `write the decimal with a point: ${value.trim().replace(',', '.')}`,
      };
    }
    return {
      message: `Expected a number, got ${describe(value)}.`,
      hint: 'write digits only, e.g. 10000 (no units, no thousands separators, no words); a decimal takes a point: 1.5',
    };
  },
  expectedWholeNumber: (value: unknown): Message => ({
    message: `Expected a whole number, got ${describe(value)}.`,
    hint: 'this field counts things: write digits only, e.g. 512 (no units, no thousands separators, no words)',
  }),
  expectedInteger: (value: unknown): Message => ({
    message: `Expected a whole number, got ${describe(value)}.`,
    hint: 'this field counts things: write a whole number such as 512',
  }),
  expectedText: (value: unknown): Message => {
    const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    const [key] = keys;
    if (keys.length === 1 && key !== undefined) {
      return {
        message: `Expected text, got a mapping: YAML read "${key}" as a key because of the ": " after it.`,
        hint: `put the whole text in quotes: '${key}: …'`,
      };
    }
    return {
      message: `Expected text, got ${describe(value)}.`,
      hint: 'write the text after the colon; quote it if it starts with a digit or contains ": "',
    };
  },
  expectedList: (value: unknown): Message => ({
    message: `Expected a list, got ${describe(value)}.`,
    hint: 'write each item on its own line starting with "- "',
  }),
  expectedMapping: (value: unknown): Message => ({
    message: `Expected a mapping of keys and values, got ${describe(value)}.`,
    hint: 'write "key: value" pairs, indented under this entry',
  }),
  missing: (key: string): Message => ({
    message: `The required key "${key}" is missing.`,
    hint: `add "${key}:" with a value to this entry`,
  }),
  emptyText: (): Message => ({
    message: 'The text is empty.',
    hint: 'write some text, or remove the key if it is optional',
  }),
  emptyList: (): Message => ({
    message: 'The list is empty.',
    hint: 'add at least one item starting with "- "',
  }),
  tooSmall: (value: unknown, minimum: unknown): Message => ({
    message: `Expected at least ${String(minimum)}, got ${quote(value)}.`,
    hint: `use a value of ${String(minimum)} or more`,
  }),
  rangeOrder: (min: unknown, max: unknown): Message => ({
    message: `The range starts above where it ends: min ${String(min)} is greater than max ${String(max)}.`,
    hint: 'swap the two values so that min ≤ max',
  }),
  tooLarge: (value: unknown, maximum: unknown): Message => ({
    message: `Expected at most ${String(maximum)}, got ${quote(value)}.`,
    hint: `use a value of ${String(maximum)} or less`,
  }),
  unknownKey: (key: string, suggestion: string | undefined, allowed: readonly string[]): Message => ({
    message: `Unknown key "${key}".`,
    hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : `the keys here are: ${allowed.join(', ')}`,
  }),
  unknownLayout: (value: unknown, layouts: readonly string[]): Message => ({
    message: `Unknown layout ${quote(value)}.`,
    hint: `the layouts that exist are ${nameList(layouts)} (files in templates/layouts/, or in layouts/ next to the data file)`,
  }),
  unknownChart: (value: string, charts: readonly string[]): Message => ({
    message: `Unknown chart "${value}".`,
    hint: `${charts.length > 0 ? `the charts that exist are ${nameList(charts)} (files charts/<name>.vl.json next to the data file); ` : ''}write a file charts/${value}.vl.json next to the data file, or the Vega-Lite spec itself under chart:`,
  }),
  unknownTheme: (theme: string, themes: readonly string[]): Message => ({
    message: `Unknown theme "${theme}".`,
    hint: `the themes that exist are ${nameList(themes)}`,
  }),
  onlineTheme: (theme: string, offline: readonly string[]): Message => ({
    message: `The theme "${theme}" loads web fonts from the network, so the deck would not work offline.`,
    hint: `use a theme that works offline: ${nameList(offline)}`,
  }),
  badUrl: (value: unknown): Message => ({
    message: `${value === undefined ? 'This' : `The address ${quote(value)}`} is not an http(s) address.`,
    hint:
      typeof value === 'string' && /^www\./i.test(value.trim())
        ? `add https:// in front: https://${value.trim()}`
        : 'write a full address starting with https://; other schemes such as javascript: are refused',
  }),
  badDate: (value: unknown, isPartialAllowed = false): Message => {
    const text = typeof value === 'string' ? value.trim() : '';
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const iso = /^\d{4}-(\d{2})(?:-(\d{2}))?$/.exec(text);
    const formats = isPartialAllowed ? 'YYYY-MM-DD (or YYYY-MM, YYYY)' : 'YYYY-MM-DD';
    if (dayFirst !== null) {
      const [, day = '', month = '', year = ''] = dayFirst;
      return {
        message: `Expected a date as ${formats}, got ${describe(value)}.`,
        hint: `write it year first: ${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
      };
    }
    if (iso !== null) {
      const [, month = '', day] = iso;
      const year = Number(text.slice(0, 4));
      const days = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
      const detail = Number(month) < 1 || Number(month) > 12 ? `there is no month ${month}` : `${text.slice(0, 7)} has ${days} days`;
      return {
        message: `${quote(value)} is not a date of the calendar: ${detail}.`,
        hint: day === undefined ? 'write year-month, e.g. 2025-11' : `write a day from 01 to ${days}`,
      };
    }
    return { message: `Expected a date as ${formats}, got ${describe(value)}.`, hint: 'write year-month-day, e.g. 2025-11-02' };
  },
  badLocale: (value: unknown): Message => ({
    message: `The deck's language must be es or en (a region may follow: es-EC, en-GB), got ${describe(value)}.`,
    hint: 'write locale: es (Spanish) or locale: en (English)',
  }),
  badDeckUrl: (value: unknown): Message => ({
    message: `The deck's address must be a full http(s) address that anyone can open, got ${describe(value)}.`,
    hint: 'write the address where the deck is published, e.g. url: https://your-name.github.io/your-repo/ (not localhost, not a file path)',
  }),
  badUrlOption: (value: string): Message => ({
    message: `--url must be a full http(s) address that anyone can open, got ${quote(value)}.`,
    hint: 'pass the address where the deck is published, e.g. --url https://your-name.github.io/your-repo/ (not localhost, not a file path)',
  }),
  qrWithoutUrl: (): Message => ({
    message: 'qr: asks for a QR code, but the deck has no address to put in it: the slides show none.',
    hint: 'add url: https://…/ under meta:, or build with --url https://…/',
  }),
  previewNoBrowser: (searched: readonly string[]): Message => ({
    message: `The link preview image was skipped: no Chrome or Chromium found (CHROME_PATH is not set and none of ${searched.join(', ')} exists). The deck has its preview tags, without og:image.`,
    hint: 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium), or set CHROME_PATH=/path/to/chrome, and build again',
  }),
  previewBrowserPath: (path: string): Message => ({
    message: `The link preview image was skipped: CHROME_PATH is set to "${path}", but there is no file there. The deck has its preview tags, without og:image.`,
    hint: 'point CHROME_PATH at a Chrome or Chromium program, or unset it to search the usual paths, and build again',
  }),
  previewFailed: (detail: string): Message => ({
    message: `The link preview image was skipped: the browser could not take it (${detail}). The deck has its preview tags, without og:image.`,
    hint: 'build again; if it keeps failing, run with --debug, or set CHROME_PATH to another Chrome or Chromium',
  }),
  badTheme: (value: unknown): Message => ({
    message: `Expected a theme name in lowercase letters, digits and dashes, got ${describe(value)}.`,
    hint: 'write theme: aula',
  }),
  invalidValue: (value: unknown, allowed: readonly string[]): Message => ({
    message: `The value ${quote(value)} is not allowed here.`,
    hint: `use one of ${nameList(allowed)}`,
  }),
  invalid: (detail: string): Message => ({
    message: `Invalid value: ${detail}.`,
    hint: 'compare this entry with the same part of data/deck.yaml, or of a deck made by npx datadeck new',
  }),
  expectedBoolean: (value: unknown): Message => ({
    message: `Expected true or false, got ${describe(value)}.`,
    hint: 'write true or false',
  }),
  expectedMoney: (value: unknown): Message => {
    const digits = typeof value === 'string' ? value.replace(/[^\d.,]/g, '') : '';
    return {
      message: `Expected an amount of money as a plain number, got ${describe(value)}.`,
      hint:
        digits !== '' && /^\d+$/.test(digits.replace(/[.,]/g, ''))
          ? `write the number alone, without currency signs or separators: ${digits.replace(/[.,](?=\d{3}(\D|$))/g, '').replace(',', '.')} (the field declares the currency)`
          : 'write the number alone, e.g. 8000; the field declares the currency',
    };
  },
  expectedPercent: (value: unknown): Message => ({
    message: `Expected a percentage, got ${describe(value)}.`,
    hint:
      typeof value === 'string' && /\d,\d/.test(value)
        ? `write the decimal with a point: ${value.replace(',', '.').trim()}`
        : 'write 45 or "45 %" for forty-five percent',
  }),
  expectedRange: (value: unknown, unit: string | undefined): Message => ({
    message: `Expected a range or a single figure, got ${describe(value)}.`,
    hint: `write 2 for one figure, or { min: 2, max: 3 } for a range${unit === undefined ? '' : ` (in ${unit}, or with a unit: { min: 2 ${unit}, max: 3 ${unit} })`}`,
  }),
  badQuantity: (input: {
    value: unknown;
    unit: { symbol: string; family: string };
    reason: string;
    unitText: string | undefined;
    suggestion: string | undefined;
    units: readonly string[];
  }): Message => {
    const units = input.units.join(', ');
    switch (input.reason) {
      case 'decimal-comma':
        return {
          message: `The quantity ${quote(input.value)} uses a decimal comma.`,
          hint:
            input.suggestion !== undefined
              ? `write the decimal with a point: ${input.suggestion}`
              : 'write the number with a decimal point and no thousands separator, e.g. 1200 or 1.2',
        };
      case 'unknown-unit':
        return {
          message: `Unknown unit "${input.unitText ?? ''}" in ${quote(input.value)}.`,
          hint:
            input.suggestion !== undefined
              ? `did you mean ${input.suggestion}? (units of ${family(input.unit.family)}: ${units})`
              : `units of ${family(input.unit.family)}: ${units}`,
        };
      case 'other-family':
        return {
          message: `The unit "${input.unitText ?? ''}" in ${quote(input.value)} is not a unit of ${family(input.unit.family)}.`,
          hint: `this field is in ${input.unit.symbol}; use one of ${units}`,
        };
      case 'negative':
        return {
          message: `A quantity cannot be negative: ${quote(input.value)}.`,
          hint: 'write the amount without a minus sign, or leave an optional value out',
        };
      default:
        return {
          message: `Expected a quantity with its unit, got ${describe(input.value)}.`,
          hint:
            input.suggestion !== undefined
              ? `write the number without separators: ${input.suggestion}`
              : `write a number, a space and a unit, e.g. 1.2 ${input.unit.symbol} (a bare number means ${input.unit.symbol}; units: ${units})`,
        };
    }
  },
  notACategory: (value: unknown, values: readonly string[], suggestion: string | undefined): Message => ({
    message: `${quote(value)} is not one of this field's values.`,
    hint:
      suggestion !== undefined
        ? `did you mean "${suggestion}"? The values are ${nameList(values)}`
        : `use one of ${nameList(values)}, or add it to the field's values`,
  }),
  unknownRowField: (key: string, suggestion: string | undefined, fields: readonly string[]): Message =>
    /^\d+$/.test(key)
      ? {
          message: `A number with a decimal comma inside { … } reads as two entries: "${key}" became a key of its own.`,
          hint: 'write the decimal with a point, e.g. 9.7, not 9,7',
        }
      : {
          message: `Unknown field "${key}": the deck declares no field of that name.`,
          hint:
            suggestion !== undefined
              ? `did you mean "${suggestion}"? To add a column, declare it under fields: first`
              : `the fields are: ${fields.join(', ')}; to add one, declare it under fields:`,
        },
  missingRowField: (name: string, label: string): Message => ({
    message: `The row has no "${name}" (${label}), which every row needs.`,
    hint: `add "${name}:" with a value to this row, or mark the field optional: true under fields:`,
  }),
  duplicateRow: (name: unknown, first: number): Message => ({
    message: `The name ${quote(name)} is used by two rows (first at rows[${first}]).`,
    hint: 'the first field names each row, so each row needs its own: rename one or remove the duplicate',
  }),
  unknownFieldType: (type: unknown, suggestion: string | undefined, types: readonly string[]): Message => ({
    message: `Unknown field type ${quote(type)}.`,
    hint:
      suggestion !== undefined ? `did you mean "${suggestion}"? The types are ${types.join(', ')}` : `the types are ${types.join(', ')}`,
  }),
  fieldNeedsKeys: (type: string, name: string): Message => ({
    message:
      type === 'quantity'
        ? `A quantity field needs its unit: "${name}" has none.`
        : `A category field needs its values: "${name}" has none.`,
    hint:
      type === 'quantity'
        ? 'write it as { type: quantity, unit: MWh, label: … } with the unit of the field'
        : 'write it as { type: category, values: [A, B], label: … } with the values it allows',
  }),
  expectedFieldDeclaration: (value: unknown): Message => ({
    message: `Expected a field declaration, got ${describe(value)}.`,
    hint: 'write the type, or a mapping: { type: number, label: Unidades }',
  }),
  badFieldName: (name: unknown): Message => ({
    message: `The field name ${quote(name)} cannot be used in formulas, sentences and charts.`,
    hint: 'start with a letter and use letters, digits and _ only, e.g. totalEnergy or energia_total; fmt, constructor, __proto__ and a few other names are taken',
  }),
  badCurrency: (value: unknown): Message => ({
    message: `Expected a currency code such as "USD", got ${describe(value)}.`,
    hint: 'write the ISO 4217 code in capitals: USD, EUR, MXN, COP…',
  }),
  unknownDeclaredUnit: (
    unit: string,
    key: 'unit' | 'display',
    suggestion: string | undefined,
    byFamily: readonly { family: string; units: readonly string[] }[],
  ): Message => ({
    message: key === 'unit' ? `Unknown unit "${unit}".` : `The display "${unit}" is not written, best or a unit of this field's family.`,
    hint: `${suggestion !== undefined ? `did you mean "${suggestion}"? ` : ''}The units are ${byFamily.map((entry) => `${family(entry.family)}: ${entry.units.join(' ')}`).join('; ')}`,
  }),
  noFields: (): Message => ({
    message: 'The deck declares no fields: its rows have nothing to hold.',
    hint: 'declare at least a name under fields:, e.g. name: { type: text, label: Nombre }',
  }),
  firstFieldOptional: (name: string): Message => ({
    message: `The first field, "${name}", names each row, so every row needs it: it cannot be optional.`,
    hint: `remove optional: true from ${name}, or put another text field first`,
  }),
  firstFieldNotText: (name: string, type: string): Message => ({
    message: `The first field, "${name}", is ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} field; the first field names each row, so it must be text.`,
    hint: 'put a text field such as name: { type: text, label: Nombre } first under fields:',
  }),
  formulaSyntax: (error: { reason: string; found: string; expected: string; suggestion?: string | undefined }): Message => {
    switch (error.reason) {
      case 'decimal-comma':
        return {
          message: `The formula has a decimal comma: "${error.found}".`,
          hint: `write the decimal with a point: ${error.suggestion ?? ''}`,
        };
      case 'unknown-function':
        return {
          message: `Unknown function "${error.found}" in the formula.`,
          hint:
            error.suggestion !== undefined
              ? `did you mean ${error.suggestion}(…)? Functions: sum, mean, min, max, count, round`
              : 'functions: sum, mean, min, max, count, round',
        };
      case 'empty':
        return { message: 'The formula is empty.', hint: 'write an expression over other fields, e.g. cost / units' };
      default:
        return {
          message: `The formula cannot be read: expected ${error.expected}${error.found === '' ? ' at the end' : `, found "${error.found}"`}.`,
          hint: 'a formula uses field names, numbers, + - * / and parentheses, e.g. price * units or (a + b) / 2',
        };
    }
  },
  formulaUnknownField: (name: string, suggestion: string | undefined, known: readonly string[]): Message => ({
    message: `The formula names "${name}", which is not a declared field.`,
    hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : `the numeric fields are: ${known.join(', ')}`,
  }),
  formulaFieldType: (name: string, type: string): Message => ({
    message: `The formula uses "${name}", a ${type} field, which has no number to compute with.`,
    hint:
      type === 'range'
        ? `use one end of the range: ${name}.min or ${name}.max`
        : 'formulas compute with number, integer, money, quantity and percent fields',
  }),
  formulaCycle: (cycle: readonly string[]): Message => ({
    message: `These formulas need each other, so none can be computed: ${cycle.join(' → ')}.`,
    hint: 'remove one of the formulas, or give that field its value in every row',
  }),
  formulaMismatch: (input: { row: string; field: string; formula: string; computed: string; given: string }): Message => ({
    message: `${input.row}: ${input.field} is ${input.given}, but its formula ${input.formula} gives ${input.computed} (more than 1% apart).`,
    hint: `correct one of the figures, or remove ${input.field} from this row to have it computed`,
  }),
  cannotDerive: (field: string, formula: string, absent: readonly string[]): Message => ({
    message: `The row has no "${field}", and its formula ${formula} cannot compute it${absent.length > 0 ? `: ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing` : ' (a division by zero?)'}.`,
    hint: `give ${field} a value in this row, or the values its formula needs${absent.length > 0 ? ` (${absent.join(', ')})` : ''}; or mark the field optional: true to show it as missing`,
  }),
  unknownSlideKey: (key: string, layout: string, suggestion: string | undefined, allowed: readonly string[]): Message => ({
    message: `Unknown key "${key}" for the layout "${layout}": its template does not show it.`,
    hint:
      suggestion !== undefined
        ? `did you mean "${suggestion}"?`
        : allowed.length > 0
          ? `this layout shows: ${allowed.join(', ')}`
          : 'this layout shows no other keys',
  }),
  missingSlideKey: (key: string, layout: string): Message => ({
    message: `The slide has no "${key}", which the layout "${layout}" shows.`,
    hint: `add "${key}:" to this slide`,
  }),
  keyNotShown: (key: string, layout: string, what: string): Message => ({
    message: `The slide has "${key}", but the layout "${layout}" shows no ${what}.`,
    hint: `use a layout that shows a ${what} (layout: ${what}), or remove "${key}"`,
  }),
  missingColumns: (): Message => ({
    message: 'The table slide has no columns.',
    hint: 'add columns: [name, …] with the fields to show, e.g. columns: [name, units, cost]',
  }),
  badRowsPerSlide: (value: unknown): Message => ({
    message: `rowsPerSlide must be a whole number from 1 to 12, got ${describe(value)}.`,
    hint: 'write e.g. rowsPerSlide: 6; a table continues on the next slide when its rows do not fit',
  }),
  badWidth: (value: unknown): Message => ({
    message: `A column's width is a percentage of the table, got ${describe(value)}.`,
    hint: 'write e.g. width: 15% (quotes not needed); leave it out to share the width by content',
  }),
  badColumn: (): Message => ({
    message: "A column is a field's name or a mapping with field, label, cell, lines, width or align.",
    hint: 'a column is a field name, or { field: x, label: … } or { label: …, cell: "{{x}} / {{y}}" }; width like 15%',
  }),
  columnNeedsField: (): Message => ({
    message: 'The column shows nothing: it has neither a field nor a cell.',
    hint: 'add field: <name>, or cell: "{{a}} × {{b}}" with a label',
  }),
  unknownColumnField: (name: string, suggestion: string | undefined, fields: readonly string[]): Message => ({
    message: `The column names "${name}", which is not a declared field.`,
    hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : `the fields are: ${fields.join(', ')}`,
  }),
  expectedChart: (value: unknown): Message => ({
    message: `Expected a chart's name or a Vega-Lite spec, got ${describe(value)}.`,
    hint: 'write chart: <name> for a file charts/<name>.vl.json next to the data file, or a Vega-Lite mapping with mark and encoding',
  }),
  unknownChartField: (name: string, chart: string | undefined, suggestion: string | undefined): Message => ({
    message: `The chart${chart === undefined ? '' : ` "${chart}"`} names the field "${name}", which the deck does not declare.`,
    hint: `${suggestion !== undefined ? `did you mean "${suggestion}"? ` : ''}A chart's rows have each declared field, ranges as field.min and field.max, and each field's formatted text as fmt.<field>`,
  }),
  sentenceSyntax: (input: { isUnfinished: boolean; oneBrace: string | undefined; example: string }): Message => {
    if (input.oneBrace !== undefined)
      return { message: `${input.oneBrace} is closed with one }.`, hint: `close it with two: ${input.oneBrace}}` };
    return {
      message: input.isUnfinished
        ? 'The text ends inside a {{…}} or an {{#if}} without its {{/if}}.'
        : 'A {{…}} in this text cannot be read.',
      hint: `every {{ needs its }}: write {{max ${input.example}}}; a block needs its end: {{#if x}}…{{/if}}`,
    };
  },
  sentenceUnsupported: (): Message => ({
    message: 'Partials and decorators cannot be used in the data file’s texts.',
    hint: 'texts may use {{helper field}}, (sub expressions) and {{#if}}…{{else}}…{{/if}}',
  }),
  sentenceBlock: (name: string): Message => ({
    message: `The block {{#${name}}} cannot be used in a text.`,
    hint: 'texts may use {{#if field}}…{{else}}…{{/if}} and {{#unless field}}…{{/unless}} with one field or figure',
  }),
  sentenceLiteral: (): Message => ({
    message: 'A {{…}} holds a literal value instead of a helper or a field.',
    hint: 'write the value as plain text, or name a figure of a field: {{max field}}',
  }),
  unknownHelper: (name: string, suggestion: string | undefined, helpers: readonly string[]): Message => ({
    message: `Unknown helper "${name}".`,
    hint:
      suggestion !== undefined
        ? `did you mean "${suggestion}"? The helpers are ${helpers.join(', ')}`
        : `the helpers are ${helpers.join(', ')}`,
  }),
  helperArguments: (helper: string, usage: string): Message => ({
    message: `"${helper}" is not given what it takes.`,
    hint: `write ${usage}`,
  }),
  helperAsField: (name: string): Message => ({
    message: `"${name}" is a helper, not a field.`,
    hint: `put it first with its own arguments in parentheses: (${name} field)`,
  }),
  unknownSentenceName: (name: string, suggestion: string | undefined, fields: readonly string[]): Message => ({
    message: `"${name}" is neither a declared field nor a helper.`,
    hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : `the fields are: ${fields.join(', ')}`,
  }),
  fieldNeedsHelper: (name: string): Message => ({
    message: `"${name}" is a field: a text about all rows must say which of its figures to show.`,
    hint: `write {{max ${name}}}, {{min ${name}}}, {{sum ${name}}}, {{mean ${name}}} or {{value "Row name" ${name}}}`,
  }),
  expectedFieldName: (): Message => ({
    message: 'Expected the name of a declared field here.',
    hint: 'write the field name as declared under fields:, without quotes: {{max field}}',
  }),
  fieldPart: (name: string, part: string): Message => ({
    message: `"${name}.${part}" names no part of a field: only a range field has .min and .max.`,
    hint: `write {{max ${name}}}`,
  }),
  fieldNotMeasurable: (helper: string, name: string, type: string): Message => ({
    message: `"${helper}" needs a field with numbers, but "${name}" is a ${type} field.`,
    hint:
      helper === 'max' || helper === 'min'
        ? `name a figure to compare by, and the text to show second: {{${helper} cost ${name}}}`
        : 'sum and mean take number, integer, money, quantity or percent fields',
  }),
  labelWithFigures: (): Message => ({
    message: 'A label is plain text: its {{…}} would be shown as typed, not computed.',
    hint: 'write the label without {{…}}; figures go in titles, captions, paragraphs, notes and cells',
  }),
  filterNotAllowed: (helper: string): Message => ({
    message: `"${helper}" takes no filter (key="value").`,
    hint: 'filters work with count, sum, mean, max and min: {{sum generation kind="Renovable"}}',
  }),
  filterValue: (key: string): Message => ({
    message: `The filter ${key}= needs a value in quotes.`,
    hint: `write ${key}="the value", e.g. {{sum generation ${key}="Renovable"}}`,
  }),
  unknownRow: (name: string, suggestion: string | undefined): Message => ({
    message: `No row is named "${name}".`,
    hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : 'write the row’s name as its first field gives it',
  }),
  newNeedsYaml: (file: string): Message => ({
    message: `The new deck's file must end in .yaml: "${file}".`,
    hint: 'write e.g. npx datadeck new mi-tema.yaml',
  }),
  newExists: (file: string): Message => ({
    message: `${file} already exists; datadeck new never overwrites a file.`,
    hint: `pick another name, or build the existing file with npx datadeck build --data ${file}`,
  }),
  unknownLanguage: (language: string, languages: readonly string[]): Message => ({
    message: `No starter in the language "${language}".`,
    hint: `use --locale ${languages.join(' or --locale ')}`,
  }),
  otherFormat: (key: string): Message => ({
    message: `The data file has no "fields:" and "rows:", but a list under "${key}:": a deck now declares its columns under fields: and lists its rows under rows:.`,
    hint: 'rename the list to rows:, and declare each key of its entries under fields: (see "Write your own deck" in the README, or start from npx datadeck new mi-tema.yaml)',
  }),
  template: (file: string, detail: string): Message => ({
    message: `The template ${file} failed: ${detail}`,
    hint: 'check the {{...}} expressions in that file against the fields the layout receives',
  }),
  chartSpec: (chart: string, detail: string): Message => ({
    message: `The chart spec "${chart}" could not be compiled: ${detail}`,
    hint: `check the chart ${chart} against the Vega-Lite documentation; its fields are the declared ones, fmt.<field> for their text`,
  }),
  chartText: (chart: string, detail: string): Message => ({
    message: `The chart spec "${chart}" has no usable text alternative (${detail}).`,
    hint: `write "usermeta": { "datadeck": { "summary": "...", "table": ["name", "cost"] } } in the chart ${chart}, or leave usermeta out to describe it by its slide's caption`,
  }),
  chartLink: (): Message => ({
    message: 'A chart cannot link (href): it is drawn once, as a picture, when the deck is built.',
    hint: "remove href; put the link in the slide's caption or on a sources slide",
  }),
  chartWarning: (chart: string, detail: string): Message => ({
    message: `Vega-Lite changed the chart ${chart} while drawing it: ${detail}`,
    hint: 'the chart may not look as the spec says; see the Vega-Lite documentation for the property it names',
  }),
  chartTheme: (file: string, detail: string): Message => ({
    message: `The chart theme ${file} is not a Vega-Lite config: ${detail}.`,
    hint: 'write a JSON object of Vega-Lite config properties, e.g. { "font": "Arial", "bar": { "color": "#0b5cad" } }',
  }),
  // A chart declared by kind (src/charts/declared.ts).
  chartKindUnknown: (kind: unknown, kinds: readonly string[], suggestion: string | undefined): Message => ({
    message: kind === undefined || kind === null ? 'The chart gives no kind.' : `Unknown chart kind ${quote(kind)}.`,
    hint: `${suggestion !== undefined ? `did you mean "${suggestion}"? ` : ''}the kinds are ${nameList(kinds)}; or leave kind out and write a Vega-Lite spec`,
  }),
  chartOptionUnknown: (option: string, kind: string, options: readonly string[], suggestion: string | undefined): Message => ({
    message: `A ${kind} chart has no option "${option}".`,
    hint: `${suggestion !== undefined ? `did you mean "${suggestion}"? ` : ''}a ${kind} chart takes ${nameList(options)}`,
  }),
  chartOptionMissing: (option: string, kind: string, example: string): Message => ({
    message: `A ${kind} chart needs "${option}".`,
    hint: `write it like chart: ${example}`,
  }),
  chartOptionChoice: (option: string, value: unknown, allowed: readonly string[]): Message => ({
    message: `The chart's ${option} cannot be ${describe(value)}.`,
    hint: `write one of ${allowed.join(', ')}`,
  }),
  chartLimit: (value: unknown): Message => ({
    message: `The chart's limit must be a whole number from 1 to 1000, not ${describe(value)}.`,
    hint: 'write how many bars, slices or labelled points to show at most, e.g. limit: 10; the chart says it shows a subset',
  }),
  chartFieldExpected: (option: string, value: unknown, role: ChartFieldRole, fitting: readonly string[]): Message => ({
    message: `The chart's ${option} must name a field, not ${describe(value)}.`,
    hint: fittingHint(role, fitting),
  }),
  chartFieldUnknown: (
    option: string,
    name: string,
    role: ChartFieldRole,
    fitting: readonly string[],
    suggestion: string | undefined,
  ): Message => ({
    message: `The chart's ${option} names the field "${name}", which the deck does not declare.`,
    hint: `${suggestion !== undefined ? `did you mean "${suggestion}"? ` : ''}${fittingHint(role, fitting)}`,
  }),
  chartFieldType: (option: string, name: string, type: string, role: ChartFieldRole, fitting: readonly string[]): Message => ({
    message: `The chart's ${option} is "${name}", a ${type} field; it needs ${ROLE_WORDS[role]}.`,
    hint: fittingHint(role, fitting),
  }),
  chartFieldsEmpty: (option: string): Message => ({
    message: `The chart's ${option} lists no field.`,
    hint: `list the fields to draw, e.g. ${option}: [cost, price]`,
  }),
  chartFieldsTooFew: (option: string, kind: string): Message => ({
    message: `A ${kind} chart draws two or more fields side by side; ${option} lists one.`,
    hint: `list at least two fields, or draw one field with kind: bars`,
  }),
  chartGroups: (kind: string, example: string): Message => ({
    message: `A ${kind} chart takes either values (two or more fields) or value with split (one field split by a category).`,
    hint: `write one of the two, e.g. chart: ${example}`,
  }),
  chartMixedUnits: (option: string, fields: readonly string[]): Message => ({
    message: `The chart's ${option} mixes figures in different units: ${fields.join(', ')}.`,
    hint: 'fields drawn on one axis must share their unit (all money in one currency, all energy, all percents); draw the others in a chart of their own',
  }),
  chartColors: (value: unknown): Message => ({
    message: `The chart's colors must be a list of colours or a mapping from a category to its colour, not ${describe(value)}.`,
    hint: "write e.g. colors: { Renovable: '#2e7d32', Fósil: '#6d4c41' } or colors: ['#0b5cad', '#d9480f']",
  }),
  chartColor: (value: unknown): Message => ({
    message: `${describe(value).replace(/^./, (first) => first.toUpperCase())} is not a colour.`,
    hint: "write a hex colour in quotes, e.g. '#0b5cad' (YAML reads an unquoted # as a comment)",
  }),
  browserMissing: (searched: readonly string[]): Message => ({
    message: `No Chrome or Chromium found: CHROME_PATH is not set and none of ${searched.join(', ')} exists.`,
    hint: 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium), or set CHROME_PATH=/path/to/chrome',
  }),
  browserPathMissing: (path: string): Message => ({
    message: `CHROME_PATH is set to "${path}", but there is no file there.`,
    hint: 'point CHROME_PATH at a Chrome or Chromium program, or unset it to search the usual paths; to install one: sudo apt-get install chromium',
  }),
  browserLaunch: (path: string, detail: string): Message => ({
    message: `The browser ${path} did not start: ${detail}`,
    hint: `check that "${path} --version" works, or set CHROME_PATH to another Chrome or Chromium (sudo apt-get install chromium)`,
  }),
  printTimeout: (seconds: number): Message => ({
    message: `reveal.js did not finish laying out the slides for print within ${seconds} s.`,
    hint: 'open the deck with ?print-pdf in a browser to see what hangs, or run again with --debug',
  }),
  notesNotPublic: (): Message => ({
    message: '--notes and --public cannot be used together: a PDF with notes is for the presenter.',
    hint: 'run npm run pdf for the PDF to share, and npm run pdf -- --notes for the handout with notes',
  }),
  strictHint: (hint: string): string => `${hint} (an error under --strict; without it, a warning)`,
  usage: (detail: string): Message => ({
    message: detail,
    hint: 'run datadeck --help for the commands and options',
  }),
  portInUse: (port: number): Message => ({
    message: `Port ${port} is already in use, so the dev server cannot listen on it.`,
    hint: `stop the program using it, or pick another port: npm run dev -- --port ${port === 65535 ? 8000 : port + 1}`,
  }),
  portDenied: (port: number): Message => ({
    message: `Port ${port} needs administrator rights.`,
    hint: 'pick a port above 1023, e.g. npm run dev -- --port 8080',
  }),
  badPort: (value: string): Message => ({
    message: `--port must be a whole number from 0 to 65535, got "${value}".`,
    hint: 'write e.g. --port 8080; --port 0 picks any free port',
  }),
  watchStopped: (detail: string): Message => ({
    message: `The dev server stopped watching for changes: ${detail}.`,
    hint: 'stop it with Ctrl-C and start npm run dev again',
  }),
  devBuildFailed: (): Message => ({
    message: 'The last save did not build: the slides behind this message are the last good deck.',
    hint: 'fix the file and save; this page reloads by itself.',
  }),
  themeFont: (file: string, url: string): Message => ({
    message: `The theme ${file} names the font file "${url}", which does not exist.`,
    hint: 'write a path next to the theme ("./fonts/x.woff2") or a file of an installed package ("@fontsource-variable/source-sans-3/files/...woff2")',
  }),
  outUnwritable: (dir: string, reason: string): Message => ({
    message: `Cannot write the deck into "${dir}" (${reason}).`,
    hint:
      reason === 'EEXIST' || reason === 'ENOTDIR'
        ? 'a file has that name: give --out a folder name, e.g. --out dist'
        : 'give --out a folder you can write to, e.g. --out dist',
  }),
  cacheUnreadable: (file: string, reason: string): Message => ({
    message: `The build cache ${file} was ignored (${reason}); charts and fonts were made again.`,
    hint: 'nothing to do: this build wrote a fresh cache. Deleting the folder is always safe.',
  }),
  cacheUnwritable: (file: string, reason: string): Message => ({
    message: `The build cache ${file} could not be written (${reason}); the deck was built all the same.`,
    hint: 'the next build renders the charts again; check that the folder is writable to make rebuilds fast',
  }),
  // The PowerPoint export (src/commands/pptx.ts).
  pptxPictureMissing: (slideNumber: number, title: string): Message => ({
    message: `Slide ${slideNumber} ("${title}"): its chart is a picture, which needs Chrome or Chromium to draw; the slide says so instead.`,
    hint: 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH, and export again; the other slides are complete',
  }),
  pptxPicturePlaceholder: (chartName: string): Message => ({
    message: `The chart "${chartName}" is missing here: it is exported as a picture, which needs Chrome or Chromium.`,
    hint: 'export again on a machine with Chromium, or copy the chart from the HTML deck',
  }),
  pptxUnwritable: (dir: string, reason: string): Message => ({
    message: `Cannot write deck.pptx into "${dir}" (${reason}); the previous file, if any, is unchanged.`,
    hint:
      reason === 'EEXIST' || reason === 'ENOTDIR'
        ? 'a file has that name: give --out a folder name, e.g. --out dist'
        : 'give --out a folder you can write to, e.g. --out dist',
  }),
  internal: (detail: string): Message => ({
    message: `datadeck failed unexpectedly: ${detail}. This is a bug in datadeck, not in your data.`,
    hint: 'run again with --debug to see the stack trace, and report it',
  }),
  newNeedsName: (): Message => ({
    message: "datadeck new takes one argument: the new file's name.",
    hint: 'write e.g. npx datadeck new mi-tema.yaml',
  }),
  optionNotForCommand: (option: string, command: string, commands: readonly string[]): Message => ({
    message: `datadeck ${command} takes no --${option}.`,
    hint: `${commands.length > 0 ? `--${option} is for ${commands.map((name) => `datadeck ${name}`).join(', ')}; ` : ''}run datadeck --help for the options of each command`,
  }),
  unexpectedArgument: (argument: string): Message => ({
    message: `Unexpected argument "${argument}".`,
    hint: 'run datadeck --help for the commands and options; a value with spaces goes in quotes',
  }),
  unknownCommand: (command: string, commands: readonly string[]): Message => ({
    message: `Unknown command "${command}"; the commands are ${commands.join(', ')}.`,
    hint: 'run datadeck --help for the commands and options',
  }),
  badCliLanguage: (value: string, languages: readonly string[]): Message => ({
    message: `datadeck speaks no language "${value}".`,
    hint: `use --lang ${languages.join(' or --lang ')}`,
  }),
  // What the CLI prints around the messages: the report's words, the summary lines, --help.
  devServing: (url: string): string => `serving ${url}`,
  devNetwork: (url: string): string => `on the network ${url}`,
  devNoNetwork: (): string => 'on the network: no address found (is this machine connected?)',
  devWatching: (): string => 'watching the data file, its spreadsheet and templates/ · Ctrl-C to stop',
  devBuilt: (input: { file: string; slides: number; charts: number; ms: number }): string =>
    `✔ ${input.file} · ${count(input.slides, 'slide')} · ${count(input.charts, 'chart')} · ${input.ms} ms`,
  rebuildNoChanges: (): string => 'no changes',
  rebuildNoDataChanges: (): string => 'no data changes',
  rebuildCounts: (slides: number, charts: number): string =>
    [count(slides, 'slide'), ...(charts > 0 ? [count(charts, 'chart')] : [])].join(', '),
  rebuildList: (total: number, kind: 'changes' | 'files', shown: string): string => `${total} ${kind}: ${shown}`,
  rebuildAdded: (path: string): string => `${path} added`,
  rebuildRemoved: (path: string): string => `${path} removed`,
  unknownOption: (option: string): Message => ({
    message: `Unknown option ${option}.`,
    hint: 'run datadeck --help for the options; a file name starting with - goes after --',
  }),
  optionValue: (option: string, isMissing: boolean): Message => ({
    message: isMissing ? `The option ${option} needs a value.` : `The option ${option} takes no value.`,
    hint: isMissing ? `write it after the option: ${option} value` : `write ${option} alone`,
  }),
  severity: (severity: 'error' | 'warning'): string => severity,
  hintLabel: (): string => 'hint',
  causedBy: (): string => 'caused by',
  problemCount: (count: number): string => `${count} problems found; nothing was written.`,
  built: (input: { file: string; kilobytes: string; slides: number; charts: number; ms: number }): string =>
    `✔ ${input.file} · ${input.kilobytes} kB · ${count(input.slides, 'slide')} · ${count(input.charts, 'chart')} · ${input.ms} ms`,
  checked: (input: { file: string; rows: number; slides: number }): string =>
    `✔ ${input.file}: ${count(input.rows, 'row')}, ${count(input.slides, 'slide')}, no errors`,
  exported: (input: { file: string; kilobytes: string; slides: number; nativeCharts: number; pictures: number; ms: number }): string =>
    `✔ ${input.file} · ${input.kilobytes} kB · ${count(input.slides, 'slide')} · ${count(input.nativeCharts, 'native chart')}, ${count(input.pictures, 'picture')} · ${input.ms} ms`,
  printed: (input: { file: string; kilobytes: string; slides: number; notesPages: number; ms: number }): string =>
    `✔ ${input.file} · ${input.kilobytes} kB · ${count(input.slides, 'slide')}${input.notesPages > 0 ? ` + ${count(input.notesPages, 'page')} of notes` : ''} · ${input.ms} ms`,
  starterWritten: (file: string, outDir: string): string =>
    `✔ wrote ${file}: build it with  npx datadeck build --data ${file} --out ${outDir}`,
  workflowWritten: (file: string): string =>
    `✔ wrote ${file}: once pushed to GitHub, it publishes the deck on GitHub Pages (first, once: Settings → Pages → Source: GitHub Actions)`,
  workflowKept: (file: string): string => `· ${file} exists: left as it is (it publishes the deck it was written for)`,
  previewWritten: (file: string, kilobytes: string, url: string): string => `✔ ${file} · ${kilobytes} kB · link preview of ${url}`,
  help: (): string => `datadeck: a data-driven reveal.js deck in one offline HTML file

Usage:
  datadeck [build] [options]   build the deck (default command)
  datadeck new <file.yaml>     write a short starter deck to edit (--locale en for English)
  datadeck check [options]     validate the data only; exit 0 or 1
  datadeck schema [--out file] print (or write) the JSON Schema of the data file
  datadeck pdf [--notes]       print the deck to dist/deck.pdf, one page per slide (needs Chrome or Chromium)
  datadeck pptx [--public]     write dist/deck.pptx: native text, tables and charts, speaker notes as slide notes
  datadeck dev [--port n] [--host]  build, serve on localhost, rebuild and reload the page on every save

Options:
  --data <file>   the YAML dataset (default: data/deck.yaml)
  --locale <es|en> new: the language of the starter deck (default: es)
  --out <dir>     where index.html goes (default: dist)
  --strict        treat warnings (figures that disagree) as errors
  --public        leave out every speaker note, for a deck (or .pptx) to share
  --url <address> the deck's public address (https://…/): link preview tags and image, QR code (build, dev, pdf, pptx)
  --notes         pdf: add each slide's speaker notes on a page after it, in dist/deck-notes.pdf
  --port <n>      dev: the port to serve on (default: 8000, or the next free one; 0 picks any free port)
  --host          dev: listen on the local network too and print its addresses, for the audience
  --lang <es|en>  the language of these messages (default: from LC_ALL, LC_MESSAGES or LANG; English unless es_*)
  --debug         show stack traces of unexpected failures
  -h, --help      show this help
  -v, --version   print the version

Exit codes: 0 success, 1 problem in the data or templates, 2 usage error, 3 internal error.`,
  // ── Rows from a spreadsheet (rows: datos.csv, rows: { file: datos.xlsx, sheet: Hoja1 }) ──
  sheetFileMissing: (file: string, others: readonly string[]): Message => ({
    message: `The rows are to come from ${file}, which does not exist.`,
    hint:
      others.length > 0
        ? `the spreadsheets next to the deck are ${nameList(others)}; the path is relative to the deck's YAML file`
        : "save the spreadsheet next to the deck's YAML file (as .csv or .xlsx) and name it under rows:, e.g. rows: datos.csv",
  }),
  sheetBadFile: (value: unknown): Message => ({
    message: `rows: names ${describe(value)}, which is not a spreadsheet datadeck reads.`,
    hint: 'name a .csv or .xlsx file next to the deck (rows: datos.csv), or list the rows in the YAML; an old .xls or .ods: save it as .xlsx first',
  }),
  sheetBadRange: (value: unknown): Message => ({
    message: `The range ${quote(value)} is not a cell range.`,
    hint: 'write its two corners as Excel does, e.g. A1:F20; the first row of the range holds the headers',
  }),
  sheetOnlyXlsx: (key: string): Message => ({
    message: `"${key}" applies to an .xlsx workbook only; this deck reads a CSV file.`,
    hint: `remove "${key}": a CSV file has one sheet, and its first line holds the headers`,
  }),
  sheetUnknownName: (file: string, sheet: string, sheets: readonly string[]): Message => ({
    message: `${file} has no sheet named "${sheet}".`,
    hint: `its sheets are ${nameList(sheets)}`,
  }),
  sheetNotXlsx: (file: string, detail: string): Message => ({
    message: `${file} cannot be read as an .xlsx workbook (${detail}).`,
    hint: 'open it in Excel or LibreOffice and save it again as "Libro de Excel (.xlsx)"; an .xls or .ods file must be saved as .xlsx first',
  }),
  sheetNotUtf8: (file: string, byte: number, asLatin: string): Message => ({
    message: `${file} is not UTF-8: it has the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${asLatin.trim() === '' ? '' : ` ("${asLatin}" in Windows-1252)`}, as Excel writes when it saves a plain "CSV (delimitado por comas)", in Latin-1/Windows-1252.`,
    hint: 'save it again as UTF-8: in Excel, Guardar como → "CSV UTF-8 (delimitado por comas)"; in LibreOffice, Guardar como → CSV → Juego de caracteres: Unicode (UTF-8); Google Sheets\' CSV download is UTF-8 already',
  }),
  sheetCsvSyntax: (detail: string): Message => ({
    message: `The CSV file cannot be read: ${detail}.`,
    hint: 'a cell that starts with a quote (") must end with one; a quote inside a quoted cell is written twice ("")',
  }),
  sheetNoHeader: (): Message => ({
    message: 'This column has values but no header, so no field to read them into.',
    hint: "write the field's name or label in the header row above it, or delete the column",
  }),
  sheetUnknownHeader: (header: string, suggestion: string | undefined, labels: readonly string[]): Message => ({
    message: `The column "${header}" matches no field of the deck.`,
    hint: `${suggestion !== undefined ? `did you mean "${suggestion}"? ` : `the fields are ${nameList(labels)}. `}A header names a field by its name or its label (case and accents do not matter); to leave the column out, add it to rows: ignore: [${header}]`,
  }),
  sheetHeaderTwice: (header: string, field: string, first: string): Message => ({
    message: `The column "${header}" is a second column for the field "${field}" (the first is "${first}").`,
    hint: 'keep one of the two columns, or give this one a field of its own under fields:',
  }),
  sheetHeaderUnit: (header: string, unit: string, fieldUnit: string): Message => ({
    message: `The header "${header}" names the unit "${unit}", which is not a unit of this field (in ${fieldUnit}).`,
    hint: `write a unit of the same kind in the header, e.g. (${fieldUnit}), or leave the unit out of it`,
  }),
  sheetMissingColumn: (name: string, label: string): Message => ({
    message: `No column holds the field "${name}" (${label}), which every row needs.`,
    hint: `add a column headed "${label}" (or "${name}"), or mark the field optional: true under fields:`,
  }),
  sheetTooManyCells: (cells: number, width: number, kind: 'csv' | 'xlsx'): Message => ({
    message: `This row has ${cells} cells; the header row has ${width}.`,
    hint:
      kind === 'csv'
        ? 'a number with a decimal comma in a comma-separated file splits into two cells: put it in quotes ("1,5"), or save the file with ";" as separator; otherwise add the missing header'
        : 'give this column a header that names a field, or delete the cells beyond the last header',
  }),
  sheetEmptyCell: (name: string, label: string): Message => ({
    message: `The cell for "${name}" (${label}) is empty, and every row needs it.`,
    hint: 'fill in the cell, or mark the field optional: true under fields: (an empty cell is then a missing value)',
  }),
  sheetDecimalComma: (value: string): Message => ({
    message: `The cell ${quote(value)} has a decimal comma, but this file is read with decimal points.`,
    hint: 'if the file writes decimals with commas (1.234,5), say so under rows: { file: …, decimal: comma }; otherwise write 1.5',
  }),
  sheetDateCell: (iso: string): Message => ({
    message: `The cell holds the date ${iso}, not a figure.`,
    hint: 'a spreadsheet turns some figures into dates as they are typed (3/4 → 4 March): format the cell as Number or Text and type the figure again',
  }),
  sheetEmpty: (file: string): Message => ({
    message: `${file} is empty: it has no header row and no rows.`,
    hint: 'write one header per field in the first row (its name or label) and one row per thing compared under it; check that the file was saved',
  }),
  sheetNoRows: (file: string): Message => ({
    message: `${file} has a header row but no rows under it.`,
    hint: 'add one row per thing compared under the headers; with a range:, check that it takes in the rows',
  }),
  sheetFormulaWithoutValue: (formula: string): Message => ({
    message: `The cell holds a formula${formula === '' ? '' : ` (=${formula})`} but no value computed by the spreadsheet.`,
    hint: "open the file in Excel or LibreOffice and save it again: saving stores each formula's result, which is what datadeck reads (it does not compute formulas; a field's formula: can)",
  }),
  sheetFormulaError: (error: string): Message => ({
    message: `The cell's formula gives the error ${error}.`,
    hint: 'fix the formula in the spreadsheet (or empty the cell when the value is missing) and save it again',
  }),
  sheetDuplicateRow: (name: string, first: string): Message => ({
    message: `The name ${quote(name)} is used by two rows (first at ${first}).`,
    hint: 'the first field names each row, so each row needs its own: rename one or remove the duplicate',
  }),
} as const;

const count = (number: number, noun: string): string => `${number} ${noun}${number === 1 ? '' : 's'}`;

/** The English catalogue's shape: every other language's file must have the same entries, taking the same arguments. */
export type MessageCatalogue = typeof english;
export type MessageName = keyof MessageCatalogue;

/** The English catalogue, each Message remembering its entry so that the report can say it in another language. */
export const messages: MessageCatalogue = rememberEntries(english);

function rememberEntries(catalogue: MessageCatalogue): MessageCatalogue {
  const remembering: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, say] of Object.entries(catalogue)) {
    const entryOf = (args: readonly unknown[]): MessageEntry | undefined => (isMessageName(name) ? { name, args } : undefined);
    remembering[name] = (...args: never[]) => {
      const said: unknown = Reflect.apply(say, undefined, args);
      return typeof said === 'object' && said !== null ? { ...said, entry: entryOf(args) } : said;
    };
  }
  // Object.entries forgets each entry's own signature; the wrappers take and return exactly what the entries do.
  return remembering as unknown as MessageCatalogue;
}

function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(english, name);
}

/**
 * A problem's message and hint in another catalogue. Only a text as its entry produced it (or with --strict's note
 * added, which is said again too) is translated: one a stage rewrote otherwise keeps what it says, in English, rather
 * than lose the part that stage added.
 */
export function translateMessage(said: Message, catalogue: MessageCatalogue): Message {
  if (said.entry === undefined || catalogue === english) return said;
  const original = sayWith(english, said.entry);
  const local = sayWith(catalogue, said.entry);
  if (original === undefined || local === undefined) return said;
  const message = said.message === original.message ? local.message : said.message;
  const hint =
    said.hint === original.hint
      ? local.hint
      : said.hint === english.strictHint(original.hint)
        ? catalogue.strictHint(local.hint)
        : said.hint;
  return { message, hint, entry: said.entry };
}

function sayWith(catalogue: MessageCatalogue, entry: MessageEntry): Message | undefined {
  const said: unknown = Reflect.apply(catalogue[entry.name], undefined, entry.args);
  return typeof said === 'object' &&
    said !== null &&
    'message' in said &&
    'hint' in said &&
    typeof said.message === 'string' &&
    typeof said.hint === 'string'
    ? { message: said.message, hint: said.hint }
    : undefined;
}

/** The closest name within two edits, for "did you mean". */
export function suggestName(input: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  // A one-letter name is one edit from every other one-letter name: a suggestion must keep part of what was typed.
  let bestDistance = Math.min(Math.max(2, Math.floor(input.length / 3)) + 1, input.length);
  for (const name of names) {
    const candidate = name.toLowerCase();
    const typed = input.toLowerCase();
    // "unitPrize" is one edit from the start of "unitPriceUsd": a typo plus a forgotten suffix.
    const distance = Math.min(editDistance(typed, candidate), editDistance(typed, candidate.slice(0, typed.length)) + 1);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

// Levenshtein with adjacent transpositions as one edit ("mxa" is one edit from "max", two from "mean").
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (rows[i - 1]?.[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(distance);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
