import type { ChartFieldRole, Message, MessageCatalogue } from './messages.js';

/**
 * Every sentence of messages.ts in Spanish, with the same entries and arguments: the compiler checks this catalogue
 * against the English one, so a new English sentence without its Spanish one does not build. Register: "usted".
 */

const quote = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)));
const describe = (value: unknown): string => {
  if (value === null || value === undefined) return 'nada';
  if (typeof value === 'string') return `el texto ${quote(value)}`;
  if (Array.isArray(value)) return 'una lista';
  if (typeof value === 'object') return 'un mapeo de claves y valores';
  if (typeof value === 'number') return `el número ${String(value)}`;
  if (typeof value === 'boolean') return `el valor ${String(value)}`;
  return `${typeof value} ${String(value)}`;
};
const nameList = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');
// The unit families by their identifiers in src/format/units.ts.
const FAMILIES: Readonly<Record<string, string>> = {
  energy: 'energía',
  power: 'potencia',
  time: 'tiempo',
  data: 'tamaño de datos',
  mass: 'masa',
  co2: 'emisiones',
  length: 'longitud',
};
const family = (name: string): string => FAMILIES[name] ?? name;
// The English details datadeck's own code passes to some entries (a library's details stay as the library wrote them).
const OWN_WORDS: Readonly<Record<string, string>> = {
  'it is a folder': 'es una carpeta',
  'unknown error': 'error desconocido',
  'it does not hold a JSON object': 'no contiene un objeto JSON',
};
// How each helper of src/data/sentences.ts is written, said in Spanish.
const HELPER_USAGE: Readonly<Record<string, string>> = {
  count: '{{count}} (filas), {{count campo}} (filas que tienen un valor), {{count kind="A"}} (filas cuyo kind es A)',
  sum: '{{sum campo}}',
  mean: '{{mean campo}}',
  max: '{{max campo}} (el valor mayor) o {{max campo name}} (un campo de la fila con el valor mayor)',
  min: '{{min campo}} (el valor menor) o {{min campo name}} (un campo de la fila con el valor menor)',
  value: '{{value "Nombre de la fila" campo}}',
  rank: '{{rank campo "Nombre de la fila"}} (1 para el mayor)',
  ratio: '{{ratio (max cost) (min cost)}}',
  difference: '{{difference (max cost) (min cost)}}',
  share: '{{share (max cost)}} (su parte del total de la columna)',
};
const count = (number: number, one: string, many: string): string => `${number} ${number === 1 ? one : many}`;
const didYouMean = (suggestion: string): string => `¿quiso decir "${suggestion}"?`;
const ROLE_WORDS: Readonly<Record<ChartFieldRole, string>> = {
  number: 'un campo numérico (number, integer, money, quantity o percent)',
  range: 'un campo de tipo range',
  label: 'un campo de texto, categoría o fecha',
  group: 'un campo de categoría o de texto',
  axis: 'un campo numérico o de fecha',
};
const fittingHint = (role: ChartFieldRole, fitting: readonly string[]): string =>
  fitting.length > 0 ? `los campos que sirven son ${nameList(fitting)}` : `declare primero ${ROLE_WORDS[role]} en fields:`;

export const spanishMessages: MessageCatalogue = {
  fileMissing: (file: string): Message => ({
    message: `No se puede leer el archivo de datos ${file}: no existe.`,
    hint: 'revise la ruta, o indique otro archivo con --data ruta/a/deck.yaml',
  }),
  fileUnreadable: (file: string, reason: string): Message => ({
    message: `No se puede leer ${file}: ${OWN_WORDS[reason] ?? reason}.`,
    hint: 'compruebe que la ruta sea un archivo legible, no una carpeta',
  }),
  fileEmpty: (file: string): Message => ({
    message: `El archivo de datos ${file} está vacío.`,
    hint: 'empiece una presentación nueva con: npx datadeck new mi-tema.yaml (trae meta, fields, rows y slides)',
  }),
  notAMapping: (found: unknown): Message => ({
    message: `El archivo de datos debe ser un mapeo YAML con meta, fields, rows y slides; contiene ${describe(found)}.`,
    hint: 'escriba claves de primer nivel como "meta:", "fields:", "rows:" y "slides:" al comienzo de una línea',
  }),
  yamlSyntax: (detail: string): Message => ({
    message: `Error de sintaxis YAML: ${detail}`,
    hint: 'revise la sangría (espacios, no tabulaciones), los dos puntos después de cada clave y las comillas alrededor de un texto que contenga ": " o "#"',
  }),
  yamlNeedsQuotes: (start: string): Message => ({
    message: `Un texto que empieza con ${start === '{{' ? '{{' : '* (como hace **negrita**)'} debe ir entre comillas: YAML lo lee como su propia sintaxis.`,
    hint: `ponga todo el texto entre comillas simples, p. ej. caption: '${start === '{{' ? '{{max cost name}} fue el más caro.' : '**Importante:** el texto.'}'`,
  }),
  yamlDuplicateKey: (key: string): Message => ({
    message: `La clave "${key}" aparece dos veces en el mismo mapeo.`,
    hint: 'deje solo una: la segunda reemplazaría a la primera sin avisar',
  }),
  yamlAliasBomb: (): Message => ({
    message: 'El YAML usa alias que se expandirían hasta un documento enorme.',
    hint: 'escriba los valores en lugar de usar referencias *alias; datadeck rechaza las bombas de alias',
  }),
  expectedNumber: (value: unknown): Message => {
    if (typeof value === 'string' && /^\s*\d+,\d+\s*$/.test(value)) {
      return {
        message: `Se esperaba un número y se encontró el texto ${quote(value)}.`,
        hint: `escriba el decimal con punto: ${value.trim().replace(',', '.')}`,
      };
    }
    return {
      message: `Se esperaba un número y se encontró ${describe(value)}.`,
      hint: 'escriba solo dígitos, p. ej. 10000 (sin unidades, sin separadores de miles, sin palabras); los decimales llevan punto: 1.5',
    };
  },
  expectedWholeNumber: (value: unknown): Message => ({
    message: `Se esperaba un número entero y se encontró ${describe(value)}.`,
    hint: 'este campo cuenta cosas: escriba solo dígitos, p. ej. 512 (sin unidades, sin separadores de miles, sin palabras)',
  }),
  expectedInteger: (value: unknown): Message => ({
    message: `Se esperaba un número entero y se encontró ${describe(value)}.`,
    hint: 'este campo cuenta cosas: escriba un número entero como 512',
  }),
  expectedText: (value: unknown): Message => {
    const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    const [key] = keys;
    if (keys.length === 1 && key !== undefined) {
      return {
        message: `Se esperaba un texto y se encontró un mapeo: YAML leyó "${key}" como una clave por el ": " que le sigue.`,
        hint: `ponga todo el texto entre comillas: '${key}: …'`,
      };
    }
    return {
      message: `Se esperaba un texto y se encontró ${describe(value)}.`,
      hint: 'escriba el texto después de los dos puntos; póngalo entre comillas si empieza con un dígito o contiene ": "',
    };
  },
  expectedList: (value: unknown): Message => ({
    message: `Se esperaba una lista y se encontró ${describe(value)}.`,
    hint: 'escriba cada elemento en su propia línea, empezando con "- "',
  }),
  expectedMapping: (value: unknown): Message => ({
    message: `Se esperaba un mapeo de claves y valores y se encontró ${describe(value)}.`,
    hint: 'escriba pares "clave: valor", con sangría bajo esta entrada',
  }),
  missing: (key: string): Message => ({
    message: `Falta la clave obligatoria "${key}".`,
    hint: `añada "${key}:" con un valor a esta entrada`,
  }),
  emptyText: (): Message => ({
    message: 'El texto está vacío.',
    hint: 'escriba algún texto, o quite la clave si es opcional',
  }),
  emptyList: (): Message => ({
    message: 'La lista está vacía.',
    hint: 'añada al menos un elemento que empiece con "- "',
  }),
  tooSmall: (value: unknown, minimum: unknown): Message => ({
    message: `Se esperaba al menos ${String(minimum)} y se encontró ${quote(value)}.`,
    hint: `use un valor de ${String(minimum)} o más`,
  }),
  rangeOrder: (min: unknown, max: unknown): Message => ({
    message: `El rango empieza por encima de donde termina: min ${String(min)} es mayor que max ${String(max)}.`,
    hint: 'intercambie los dos valores para que min ≤ max',
  }),
  tooLarge: (value: unknown, maximum: unknown): Message => ({
    message: `Se esperaba como máximo ${String(maximum)} y se encontró ${quote(value)}.`,
    hint: `use un valor de ${String(maximum)} o menos`,
  }),
  unknownKey: (key: string, suggestion: string | undefined, allowed: readonly string[]): Message => ({
    message: `Clave desconocida: "${key}".`,
    hint: suggestion !== undefined ? didYouMean(suggestion) : `las claves posibles aquí son: ${allowed.join(', ')}`,
  }),
  unknownLayout: (value: unknown, layouts: readonly string[]): Message => ({
    message: `Diseño desconocido: ${quote(value)}.`,
    hint: `los diseños que existen son ${nameList(layouts)} (archivos en templates/layouts/, o en layouts/ junto al archivo de datos)`,
  }),
  unknownChart: (value: string, charts: readonly string[]): Message => ({
    message: `Gráfico desconocido: "${value}".`,
    hint: `${charts.length > 0 ? `los gráficos que existen son ${nameList(charts)} (archivos charts/<nombre>.vl.json junto al archivo de datos); ` : ''}escriba un archivo charts/${value}.vl.json junto al archivo de datos, o la especificación Vega-Lite misma bajo chart:`,
  }),
  unknownTheme: (theme: string, themes: readonly string[]): Message => ({
    message: `Tema desconocido: "${theme}".`,
    hint: `los temas que existen son ${nameList(themes)}`,
  }),
  onlineTheme: (theme: string, offline: readonly string[]): Message => ({
    message: `El tema "${theme}" carga fuentes web desde la red, así que la presentación no funcionaría sin conexión.`,
    hint: `use un tema que funcione sin conexión: ${nameList(offline)}`,
  }),
  badUrl: (value: unknown): Message => ({
    message: `${value === undefined ? 'Esta dirección' : `La dirección ${quote(value)}`} no es una dirección http(s).`,
    hint:
      typeof value === 'string' && /^www\./i.test(value.trim())
        ? `añada https:// al comienzo: https://${value.trim()}`
        : 'escriba una dirección completa que empiece con https://; otros esquemas, como javascript:, se rechazan',
  }),
  badDate: (value: unknown, isPartialAllowed = false): Message => {
    const text = typeof value === 'string' ? value.trim() : '';
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const iso = /^\d{4}-(\d{2})(?:-(\d{2}))?$/.exec(text);
    const formats = isPartialAllowed ? 'AAAA-MM-DD (o AAAA-MM, AAAA)' : 'AAAA-MM-DD';
    if (dayFirst !== null) {
      const [, day = '', month = '', year = ''] = dayFirst;
      return {
        message: `Se esperaba una fecha como ${formats} y se encontró ${describe(value)}.`,
        hint: `escríbala con el año primero: ${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
      };
    }
    if (iso !== null) {
      const [, month = '', day] = iso;
      const year = Number(text.slice(0, 4));
      const days = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
      const detail = Number(month) < 1 || Number(month) > 12 ? `no existe el mes ${month}` : `${text.slice(0, 7)} tiene ${days} días`;
      return {
        message: `${quote(value)} no es una fecha del calendario: ${detail}.`,
        hint: day === undefined ? 'escriba año-mes, p. ej. 2025-11' : `escriba un día del 01 al ${days}`,
      };
    }
    return {
      message: `Se esperaba una fecha como ${formats} y se encontró ${describe(value)}.`,
      hint: 'escriba año-mes-día, p. ej. 2025-11-02',
    };
  },
  badLocale: (value: unknown): Message => ({
    message: `El idioma de la presentación debe ser es o en (puede seguirle una región: es-EC, en-GB); se encontró ${describe(value)}.`,
    hint: 'escriba locale: es (español) o locale: en (inglés)',
  }),
  badDeckUrl: (value: unknown): Message => ({
    message: `La dirección de la presentación debe ser una dirección http(s) completa que cualquiera pueda abrir; se encontró ${describe(value)}.`,
    hint: 'escriba la dirección donde se publica la presentación, p. ej. url: https://su-usuario.github.io/su-repositorio/ (no localhost, no la ruta de un archivo)',
  }),
  badUrlOption: (value: string): Message => ({
    message: `--url debe ser una dirección http(s) completa que cualquiera pueda abrir; se recibió ${quote(value)}.`,
    hint: 'indique la dirección donde se publica la presentación, p. ej. --url https://su-usuario.github.io/su-repositorio/ (no localhost, no la ruta de un archivo)',
  }),
  qrWithoutUrl: (): Message => ({
    message: 'qr: pide un código QR, pero la presentación no tiene una dirección que poner en él: las diapositivas no lo muestran.',
    hint: 'agregue url: https://…/ bajo meta:, o construya con --url https://…/',
  }),
  previewNoBrowser: (searched: readonly string[]): Message => ({
    message: `Se omitió la imagen de vista previa del enlace: no se encontró Chrome ni Chromium (CHROME_PATH no está definido y no existe ninguno de ${searched.join(', ')}). La presentación tiene sus etiquetas de vista previa, sin og:image.`,
    hint: 'instale Chromium (Debian/Ubuntu: sudo apt-get install chromium), o defina CHROME_PATH=/ruta/a/chrome, y vuelva a construir',
  }),
  previewBrowserPath: (path: string): Message => ({
    message: `Se omitió la imagen de vista previa del enlace: CHROME_PATH vale "${path}", pero ahí no hay ningún archivo. La presentación tiene sus etiquetas de vista previa, sin og:image.`,
    hint: 'haga que CHROME_PATH apunte a un programa Chrome o Chromium, o elimínelo para buscar en las rutas habituales, y vuelva a construir',
  }),
  previewFailed: (detail: string): Message => ({
    message: `Se omitió la imagen de vista previa del enlace: el navegador no pudo tomarla (${detail}). La presentación tiene sus etiquetas de vista previa, sin og:image.`,
    hint: 'vuelva a construir; si sigue fallando, ejecute con --debug o defina CHROME_PATH con otro Chrome o Chromium',
  }),
  badTheme: (value: unknown): Message => ({
    message: `Se esperaba el nombre de un tema en minúsculas, dígitos y guiones, y se encontró ${describe(value)}.`,
    hint: 'escriba theme: aula',
  }),
  invalidValue: (value: unknown, allowed: readonly string[]): Message => ({
    message: `El valor ${quote(value)} no está permitido aquí.`,
    hint: `use uno de ${nameList(allowed)}`,
  }),
  invalid: (detail: string): Message => ({
    message: `Valor no válido: ${detail.replace(/^expected /, 'se esperaba ')}.`,
    hint: 'compare esta entrada con la misma parte de data/deck.yaml, o de una presentación creada con npx datadeck new',
  }),
  expectedBoolean: (value: unknown): Message => ({
    message: `Se esperaba true o false y se encontró ${describe(value)}.`,
    hint: 'escriba true o false',
  }),
  expectedMoney: (value: unknown): Message => {
    const digits = typeof value === 'string' ? value.replace(/[^\d.,]/g, '') : '';
    return {
      message: `Se esperaba una cantidad de dinero como número simple y se encontró ${describe(value)}.`,
      hint:
        digits !== '' && /^\d+$/.test(digits.replace(/[.,]/g, ''))
          ? `escriba solo el número, sin símbolos de moneda ni separadores: ${digits.replace(/[.,](?=\d{3}(\D|$))/g, '').replace(',', '.')} (el campo declara la moneda)`
          : 'escriba solo el número, p. ej. 8000; el campo declara la moneda',
    };
  },
  expectedPercent: (value: unknown): Message => ({
    message: `Se esperaba un porcentaje y se encontró ${describe(value)}.`,
    hint:
      typeof value === 'string' && /\d,\d/.test(value)
        ? `escriba el decimal con punto: ${value.replace(',', '.').trim()}`
        : 'escriba 45 o "45 %" para cuarenta y cinco por ciento',
  }),
  expectedRange: (value: unknown, unit: string | undefined): Message => ({
    message: `Se esperaba un rango o una sola cifra y se encontró ${describe(value)}.`,
    hint: `escriba 2 para una cifra, o { min: 2, max: 3 } para un rango${unit === undefined ? '' : ` (en ${unit}, o con unidad: { min: 2 ${unit}, max: 3 ${unit} })`}`,
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
          message: `La cantidad ${quote(input.value)} usa coma decimal.`,
          hint:
            input.suggestion !== undefined
              ? `escriba el decimal con punto: ${input.suggestion}`
              : 'escriba el número con punto decimal y sin separador de miles, p. ej. 1200 o 1.2',
        };
      case 'unknown-unit':
        return {
          message: `Unidad desconocida "${input.unitText ?? ''}" en ${quote(input.value)}.`,
          hint:
            input.suggestion !== undefined
              ? `¿quiso decir ${input.suggestion}? (unidades de ${family(input.unit.family)}: ${units})`
              : `unidades de ${family(input.unit.family)}: ${units}`,
        };
      case 'other-family':
        return {
          message: `La unidad "${input.unitText ?? ''}" en ${quote(input.value)} no es una unidad de ${family(input.unit.family)}.`,
          hint: `este campo está en ${input.unit.symbol}; use una de ${units}`,
        };
      case 'negative':
        return {
          message: `Una cantidad no puede ser negativa: ${quote(input.value)}.`,
          hint: 'escriba la cantidad sin signo menos, o deje fuera un valor opcional',
        };
      default:
        return {
          message: `Se esperaba una cantidad con su unidad y se encontró ${describe(input.value)}.`,
          hint:
            input.suggestion !== undefined
              ? `escriba el número sin separadores: ${input.suggestion}`
              : `escriba un número, un espacio y una unidad, p. ej. 1.2 ${input.unit.symbol} (un número solo se lee en ${input.unit.symbol}; unidades: ${units})`,
        };
    }
  },
  notACategory: (value: unknown, values: readonly string[], suggestion: string | undefined): Message => ({
    message: `${quote(value)} no es uno de los valores de este campo.`,
    hint:
      suggestion !== undefined
        ? `¿quiso decir "${suggestion}"? Los valores son ${nameList(values)}`
        : `use uno de ${nameList(values)}, o añádalo a los valores del campo`,
  }),
  unknownRowField: (key: string, suggestion: string | undefined, fields: readonly string[]): Message =>
    /^\d+$/.test(key)
      ? {
          message: `Un número con coma decimal dentro de { … } se lee como dos entradas: "${key}" quedó como una clave aparte.`,
          hint: 'escriba el decimal con punto, p. ej. 9.7, no 9,7',
        }
      : {
          message: `Campo desconocido "${key}": la presentación no declara ningún campo con ese nombre.`,
          hint:
            suggestion !== undefined
              ? `¿quiso decir "${suggestion}"? Para añadir una columna, declárela primero bajo fields:`
              : `los campos son: ${fields.join(', ')}; para añadir uno, declárelo bajo fields:`,
        },
  missingRowField: (name: string, label: string): Message => ({
    message: `La fila no tiene "${name}" (${label}), que toda fila necesita.`,
    hint: `añada "${name}:" con un valor a esta fila, o marque el campo como optional: true bajo fields:`,
  }),
  duplicateRow: (name: unknown, first: number): Message => ({
    message: `Dos filas usan el nombre ${quote(name)} (la primera en rows[${first}]).`,
    hint: 'el primer campo da nombre a cada fila, así que cada fila necesita el suyo: cambie uno o quite la fila repetida',
  }),
  unknownFieldType: (type: unknown, suggestion: string | undefined, types: readonly string[]): Message => ({
    message: `Tipo de campo desconocido: ${quote(type)}.`,
    hint:
      suggestion !== undefined ? `¿quiso decir "${suggestion}"? Los tipos son ${types.join(', ')}` : `los tipos son ${types.join(', ')}`,
  }),
  fieldNeedsKeys: (type: string, name: string): Message => ({
    message:
      type === 'quantity'
        ? `Un campo quantity necesita su unidad: "${name}" no la tiene.`
        : `Un campo category necesita sus valores: "${name}" no los tiene.`,
    hint:
      type === 'quantity'
        ? 'escríbalo como { type: quantity, unit: MWh, label: … } con la unidad del campo'
        : 'escríbalo como { type: category, values: [A, B], label: … } con los valores que admite',
  }),
  expectedFieldDeclaration: (value: unknown): Message => ({
    message: `Se esperaba la declaración de un campo y se encontró ${describe(value)}.`,
    hint: 'escriba el tipo, o un mapeo: { type: number, label: Unidades }',
  }),
  badFieldName: (name: unknown): Message => ({
    message: `El nombre de campo ${quote(name)} no puede usarse en fórmulas, frases ni gráficos.`,
    hint: 'empiece con una letra y use solo letras, dígitos y _, p. ej. totalEnergy o energia_total; fmt, constructor, __proto__ y algunos otros nombres están reservados',
  }),
  badCurrency: (value: unknown): Message => ({
    message: `Se esperaba un código de moneda como "USD" y se encontró ${describe(value)}.`,
    hint: 'escriba el código ISO 4217 en mayúsculas: USD, EUR, MXN, COP…',
  }),
  unknownDeclaredUnit: (
    unit: string,
    key: 'unit' | 'display',
    suggestion: string | undefined,
    byFamily: readonly { family: string; units: readonly string[] }[],
  ): Message => ({
    message:
      key === 'unit'
        ? `Unidad desconocida: "${unit}".`
        : `La forma de mostrar "${unit}" no es written, best ni una unidad de la familia de este campo.`,
    hint: `${suggestion !== undefined ? `¿quiso decir "${suggestion}"? ` : ''}Las unidades son: ${byFamily.map((entry) => `${family(entry.family)}: ${entry.units.join(' ')}`).join('; ')}`,
  }),
  noFields: (): Message => ({
    message: 'La presentación no declara ningún campo: sus filas no tienen nada que guardar.',
    hint: 'declare al menos un nombre bajo fields:, p. ej. name: { type: text, label: Nombre }',
  }),
  firstFieldOptional: (name: string): Message => ({
    message: `El primer campo, "${name}", da nombre a cada fila, así que toda fila lo necesita: no puede ser opcional.`,
    hint: `quite optional: true de ${name}, o ponga primero otro campo de texto`,
  }),
  firstFieldNotText: (name: string, type: string): Message => ({
    message: `El primer campo, "${name}", es de tipo ${type}; el primer campo da nombre a cada fila, así que debe ser texto.`,
    hint: 'ponga primero bajo fields: un campo de texto como name: { type: text, label: Nombre }',
  }),
  formulaSyntax: (error: { reason: string; found: string; expected: string; suggestion?: string | undefined }): Message => {
    switch (error.reason) {
      case 'decimal-comma':
        return {
          message: `La fórmula tiene una coma decimal: "${error.found}".`,
          hint: `escriba el decimal con punto: ${error.suggestion ?? ''}`,
        };
      case 'unknown-function':
        return {
          message: `Función desconocida "${error.found}" en la fórmula.`,
          hint:
            error.suggestion !== undefined
              ? `¿quiso decir ${error.suggestion}(…)? Funciones: sum, mean, min, max, count, round`
              : 'funciones: sum, mean, min, max, count, round',
        };
      case 'empty':
        return { message: 'La fórmula está vacía.', hint: 'escriba una expresión con otros campos, p. ej. cost / units' };
      default:
        return {
          message: `No se puede leer la fórmula: se esperaba ${error.expected}${error.found === '' ? ' al final' : ` y se encontró "${error.found}"`}.`,
          hint: 'una fórmula usa nombres de campos, números, + - * / y paréntesis, p. ej. price * units o (a + b) / 2',
        };
    }
  },
  formulaUnknownField: (name: string, suggestion: string | undefined, known: readonly string[]): Message => ({
    message: `La fórmula nombra "${name}", que no es un campo declarado.`,
    hint: suggestion !== undefined ? didYouMean(suggestion) : `los campos numéricos son: ${known.join(', ')}`,
  }),
  formulaFieldType: (name: string, type: string): Message => ({
    message: `La fórmula usa "${name}", un campo de tipo ${type}, que no tiene un número con el que calcular.`,
    hint:
      type === 'range'
        ? `use un extremo del rango: ${name}.min o ${name}.max`
        : 'las fórmulas calculan con campos number, integer, money, quantity y percent',
  }),
  formulaCycle: (cycle: readonly string[]): Message => ({
    message: `Estas fórmulas se necesitan entre sí, así que ninguna puede calcularse: ${cycle.join(' → ')}.`,
    hint: 'quite una de las fórmulas, o dé a ese campo su valor en todas las filas',
  }),
  formulaMismatch: (input: { row: string; field: string; formula: string; computed: string; given: string }): Message => ({
    message: `${input.row}: ${input.field} es ${input.given}, pero su fórmula ${input.formula} da ${input.computed} (más de un 1 % de diferencia).`,
    hint: `corrija una de las cifras, o quite ${input.field} de esta fila para que se calcule`,
  }),
  cannotDerive: (field: string, formula: string, absent: readonly string[]): Message => ({
    message: `La fila no tiene "${field}", y su fórmula ${formula} no puede calcularlo${absent.length > 0 ? `: ${absent.length === 1 ? 'falta' : 'faltan'} ${absent.join(', ')}` : ' (¿una división entre cero?)'}.`,
    hint: `dé a ${field} un valor en esta fila, o los valores que necesita su fórmula${absent.length > 0 ? ` (${absent.join(', ')})` : ''}; o marque el campo como optional: true para mostrarlo como ausente`,
  }),
  unknownSlideKey: (key: string, layout: string, suggestion: string | undefined, allowed: readonly string[]): Message => ({
    message: `Clave desconocida "${key}" para el diseño "${layout}": su plantilla no la muestra.`,
    hint:
      suggestion !== undefined
        ? didYouMean(suggestion)
        : allowed.length > 0
          ? `este diseño muestra: ${allowed.join(', ')}`
          : 'este diseño no muestra más claves',
  }),
  missingSlideKey: (key: string, layout: string): Message => ({
    message: `La diapositiva no tiene "${key}", que el diseño "${layout}" muestra.`,
    hint: `añada "${key}:" a esta diapositiva`,
  }),
  keyNotShown: (key: string, layout: string, what: string): Message => ({
    message: `La diapositiva tiene "${key}", pero el diseño "${layout}" no muestra ${what === 'table' ? 'ninguna tabla' : what === 'chart' ? 'ningún gráfico' : `ningún ${what}`}.`,
    hint: `use un diseño que la muestre (layout: ${what}), o quite "${key}"`,
  }),
  missingColumns: (): Message => ({
    message: 'La diapositiva de tabla no tiene columnas.',
    hint: 'añada columns: [name, …] con los campos que mostrar, p. ej. columns: [name, units, cost]',
  }),
  badRowsPerSlide: (value: unknown): Message => ({
    message: `rowsPerSlide debe ser un número entero del 1 al 12; se encontró ${describe(value)}.`,
    hint: 'escriba p. ej. rowsPerSlide: 6; una tabla sigue en la diapositiva siguiente cuando sus filas no caben',
  }),
  badWidth: (value: unknown): Message => ({
    message: `El ancho de una columna es un porcentaje de la tabla; se encontró ${describe(value)}.`,
    hint: 'escriba p. ej. width: 15% (sin comillas); quítelo para repartir el ancho según el contenido',
  }),
  badColumn: (): Message => ({
    message: 'Una columna es el nombre de un campo o un mapeo con field, label, cell, lines, width o align.',
    hint: 'una columna es un nombre de campo, o { field: x, label: … } o { label: …, cell: "{{x}} / {{y}}" }; el ancho, como 15%',
  }),
  columnNeedsField: (): Message => ({
    message: 'La columna no muestra nada: no tiene ni field ni cell.',
    hint: 'añada field: <nombre>, o cell: "{{a}} × {{b}}" con un label',
  }),
  unknownColumnField: (name: string, suggestion: string | undefined, fields: readonly string[]): Message => ({
    message: `La columna nombra "${name}", que no es un campo declarado.`,
    hint: suggestion !== undefined ? didYouMean(suggestion) : `los campos son: ${fields.join(', ')}`,
  }),
  expectedChart: (value: unknown): Message => ({
    message: `Se esperaba el nombre de un gráfico o una especificación Vega-Lite y se encontró ${describe(value)}.`,
    hint: 'escriba chart: <nombre> para un archivo charts/<nombre>.vl.json junto al archivo de datos, o un mapeo Vega-Lite con mark y encoding',
  }),
  unknownChartField: (name: string, chart: string | undefined, suggestion: string | undefined): Message => ({
    message: `El gráfico${chart === undefined ? '' : ` "${chart}"`} nombra el campo "${name}", que la presentación no declara.`,
    hint: `${suggestion !== undefined ? `¿quiso decir "${suggestion}"? ` : ''}Las filas de un gráfico tienen cada campo declarado, los rangos como campo.min y campo.max, y el texto formateado de cada campo como fmt.<campo>`,
  }),
  sentenceSyntax: (input: { isUnfinished: boolean; oneBrace: string | undefined; example: string }): Message => {
    if (input.oneBrace !== undefined)
      return { message: `${input.oneBrace} se cierra con una sola }.`, hint: `ciérrelo con dos: ${input.oneBrace}}` };
    return {
      message: input.isUnfinished
        ? 'El texto termina dentro de un {{…}} o de un {{#if}} sin su {{/if}}.'
        : 'Un {{…}} de este texto no se puede leer.',
      hint: `cada {{ necesita su }}: escriba {{max ${input.example}}}; un bloque necesita su cierre: {{#if x}}…{{/if}}`,
    };
  },
  sentenceUnsupported: (): Message => ({
    message: 'Los textos del archivo de datos no pueden usar parciales ni decoradores.',
    hint: 'los textos pueden usar {{ayudante campo}}, (subexpresiones) y {{#if}}…{{else}}…{{/if}}',
  }),
  sentenceBlock: (name: string): Message => ({
    message: `El bloque {{#${name}}} no puede usarse en un texto.`,
    hint: 'los textos pueden usar {{#if campo}}…{{else}}…{{/if}} y {{#unless campo}}…{{/unless}} con un campo o una cifra',
  }),
  sentenceLiteral: (): Message => ({
    message: 'Un {{…}} contiene un valor literal en lugar de un ayudante o un campo.',
    hint: 'escriba el valor como texto normal, o nombre una cifra de un campo: {{max campo}}',
  }),
  unknownHelper: (name: string, suggestion: string | undefined, helpers: readonly string[]): Message => ({
    message: `Ayudante desconocido: "${name}".`,
    hint:
      suggestion !== undefined
        ? `¿quiso decir "${suggestion}"? Los ayudantes son ${helpers.join(', ')}`
        : `los ayudantes son ${helpers.join(', ')}`,
  }),
  helperArguments: (helper: string, usage: string): Message => ({
    message: `"${helper}" no recibe lo que necesita.`,
    hint: `escriba ${HELPER_USAGE[helper] ?? usage}`,
  }),
  helperAsField: (name: string): Message => ({
    message: `"${name}" es un ayudante, no un campo.`,
    hint: `póngalo primero, con sus propios argumentos entre paréntesis: (${name} campo)`,
  }),
  unknownSentenceName: (name: string, suggestion: string | undefined, fields: readonly string[]): Message => ({
    message: `"${name}" no es un campo declarado ni un ayudante.`,
    hint: suggestion !== undefined ? didYouMean(suggestion) : `los campos son: ${fields.join(', ')}`,
  }),
  fieldNeedsHelper: (name: string): Message => ({
    message: `"${name}" es un campo: un texto sobre todas las filas debe decir cuál de sus cifras mostrar.`,
    hint: `escriba {{max ${name}}}, {{min ${name}}}, {{sum ${name}}}, {{mean ${name}}} o {{value "Nombre de la fila" ${name}}}`,
  }),
  expectedFieldName: (): Message => ({
    message: 'Aquí se esperaba el nombre de un campo declarado.',
    hint: 'escriba el nombre del campo tal como está declarado bajo fields:, sin comillas: {{max campo}}',
  }),
  fieldPart: (name: string, part: string): Message => ({
    message: `"${name}.${part}" no nombra ninguna parte de un campo: solo un campo range tiene .min y .max.`,
    hint: `escriba {{max ${name}}}`,
  }),
  fieldNotMeasurable: (helper: string, name: string, type: string): Message => ({
    message: `"${helper}" necesita un campo con números, pero "${name}" es un campo de tipo ${type}.`,
    hint:
      helper === 'max' || helper === 'min'
        ? `nombre una cifra por la que comparar y, después, el texto que mostrar: {{${helper} cost ${name}}}`
        : 'sum y mean aceptan campos number, integer, money, quantity o percent',
  }),
  labelWithFigures: (): Message => ({
    message: 'Un rótulo es texto simple: su {{…}} se mostraría tal cual, sin calcularse.',
    hint: 'escriba el rótulo sin {{…}}; las cifras van en títulos, leyendas, párrafos, notas y celdas',
  }),
  filterNotAllowed: (helper: string): Message => ({
    message: `"${helper}" no acepta filtros (clave="valor").`,
    hint: 'los filtros funcionan con count, sum, mean, max y min: {{sum generation kind="Renovable"}}',
  }),
  filterValue: (key: string): Message => ({
    message: `El filtro ${key}= necesita un valor entre comillas.`,
    hint: `escriba ${key}="el valor", p. ej. {{sum generation ${key}="Renovable"}}`,
  }),
  unknownRow: (name: string, suggestion: string | undefined): Message => ({
    message: `Ninguna fila se llama "${name}".`,
    hint: suggestion !== undefined ? didYouMean(suggestion) : 'escriba el nombre de la fila tal como lo da su primer campo',
  }),
  newNeedsYaml: (file: string): Message => ({
    message: `El archivo de la presentación nueva debe terminar en .yaml: "${file}".`,
    hint: 'escriba p. ej. npx datadeck new mi-tema.yaml',
  }),
  newExists: (file: string): Message => ({
    message: `${file} ya existe; datadeck new nunca sobrescribe un archivo.`,
    hint: `elija otro nombre, o construya el archivo existente con npx datadeck build --data ${file}`,
  }),
  unknownLanguage: (language: string, languages: readonly string[]): Message => ({
    message: `No hay plantilla inicial en el idioma "${language}".`,
    hint: `use --locale ${languages.join(' o --locale ')}`,
  }),
  otherFormat: (key: string): Message => ({
    message: `El archivo de datos no tiene "fields:" ni "rows:", sino una lista bajo "${key}:": ahora una presentación declara sus columnas bajo fields: y enumera sus filas bajo rows:.`,
    hint: 'cambie el nombre de la lista a rows:, y declare cada clave de sus entradas bajo fields: (vea "Write your own deck" en el README, o empiece con npx datadeck new mi-tema.yaml)',
  }),
  template: (file: string, detail: string): Message => ({
    message: `La plantilla ${file} falló: ${detail.replace(/^The partial (\S+) could not be found$/, 'no se encuentra el parcial $1')}`,
    hint: 'revise las expresiones {{...}} de ese archivo frente a los campos que recibe el diseño',
  }),
  chartSpec: (chart: string, detail: string): Message => ({
    message: `La especificación del gráfico "${chart}" no se pudo compilar: ${detail}`,
    hint: `revise el gráfico ${chart} con la documentación de Vega-Lite; sus campos son los declarados, y fmt.<campo> su texto`,
  }),
  chartText: (chart: string, detail: string): Message => ({
    message: `La especificación del gráfico "${chart}" no tiene una alternativa de texto utilizable (${detail}).`,
    hint: `escriba "usermeta": { "datadeck": { "summary": "...", "table": ["name", "cost"] } } en el gráfico ${chart}, o quite usermeta para describirlo con la leyenda de su diapositiva`,
  }),
  chartLink: (): Message => ({
    message: 'Un gráfico no puede enlazar (href): se dibuja una vez, como imagen, al construir la presentación.',
    hint: 'quite href; ponga el enlace en la leyenda de la diapositiva o en una diapositiva de fuentes',
  }),
  chartWarning: (chart: string, detail: string): Message => ({
    message: `Vega-Lite cambió el gráfico ${chart} al dibujarlo: ${detail}`,
    hint: 'puede que el gráfico no se vea como dice la especificación; consulte en la documentación de Vega-Lite la propiedad que nombra',
  }),
  chartTheme: (file: string, detail: string): Message => ({
    message: `El tema de gráficos ${file} no es una configuración de Vega-Lite: ${OWN_WORDS[detail] ?? detail}.`,
    hint: 'escriba un objeto JSON de propiedades de configuración de Vega-Lite, p. ej. { "font": "Arial", "bar": { "color": "#0b5cad" } }',
  }),
  // Un gráfico declarado por su tipo (src/charts/declared.ts).
  chartKindUnknown: (kind: unknown, kinds: readonly string[], suggestion: string | undefined): Message => ({
    message: kind === undefined || kind === null ? 'El gráfico no indica su tipo (kind).' : `Tipo de gráfico desconocido: ${quote(kind)}.`,
    hint: `${suggestion !== undefined ? `${didYouMean(suggestion)} ` : ''}los tipos son ${nameList(kinds)}; o quite kind y escriba una especificación Vega-Lite`,
  }),
  chartOptionUnknown: (option: string, kind: string, options: readonly string[], suggestion: string | undefined): Message => ({
    message: `Un gráfico ${kind} no tiene la opción "${option}".`,
    hint: `${suggestion !== undefined ? `${didYouMean(suggestion)} ` : ''}un gráfico ${kind} admite ${nameList(options)}`,
  }),
  chartOptionMissing: (option: string, kind: string, example: string): Message => ({
    message: `Un gráfico ${kind} necesita "${option}".`,
    hint: `escríbalo así: chart: ${example}`,
  }),
  chartOptionChoice: (option: string, value: unknown, allowed: readonly string[]): Message => ({
    message: `La opción ${option} del gráfico no puede ser ${describe(value)}.`,
    hint: `escriba uno de estos valores: ${allowed.join(', ')}`,
  }),
  chartLimit: (value: unknown): Message => ({
    message: `El límite (limit) del gráfico debe ser un número entero de 1 a 1000, no ${describe(value)}.`,
    hint: 'escriba cuántas barras, porciones o puntos rotulados mostrar como máximo, p. ej. limit: 10; el gráfico dirá que muestra una parte',
  }),
  chartFieldExpected: (option: string, value: unknown, role: ChartFieldRole, fitting: readonly string[]): Message => ({
    message: `La opción ${option} del gráfico debe nombrar un campo, no ${describe(value)}.`,
    hint: fittingHint(role, fitting),
  }),
  chartFieldUnknown: (
    option: string,
    name: string,
    role: ChartFieldRole,
    fitting: readonly string[],
    suggestion: string | undefined,
  ): Message => ({
    message: `La opción ${option} del gráfico nombra el campo "${name}", que la presentación no declara.`,
    hint: `${suggestion !== undefined ? `${didYouMean(suggestion)} ` : ''}${fittingHint(role, fitting)}`,
  }),
  chartFieldType: (option: string, name: string, type: string, role: ChartFieldRole, fitting: readonly string[]): Message => ({
    message: `La opción ${option} del gráfico es "${name}", un campo de tipo ${type}; necesita ${ROLE_WORDS[role]}.`,
    hint: fittingHint(role, fitting),
  }),
  chartFieldsEmpty: (option: string): Message => ({
    message: `La opción ${option} del gráfico no nombra ningún campo.`,
    hint: `escriba los campos que quiere dibujar, p. ej. ${option}: [costo, precio]`,
  }),
  chartFieldsTooFew: (option: string, kind: string): Message => ({
    message: `Un gráfico ${kind} dibuja dos o más campos a la vez; ${option} nombra uno solo.`,
    hint: 'escriba al menos dos campos, o dibuje uno solo con kind: bars',
  }),
  chartGroups: (kind: string, example: string): Message => ({
    message: `Un gráfico ${kind} lleva values (dos o más campos) o value con split (un campo dividido por una categoría), no ambos.`,
    hint: `escriba una de las dos formas, p. ej. chart: ${example}`,
  }),
  chartMixedUnits: (option: string, fields: readonly string[]): Message => ({
    message: `La opción ${option} del gráfico mezcla cifras en unidades distintas: ${fields.join(', ')}.`,
    hint: 'los campos de un mismo eje deben compartir unidad (todo dinero en una moneda, toda energía, todo porcentajes); dibuje los demás en otro gráfico',
  }),
  chartColors: (value: unknown): Message => ({
    message: `Los colores (colors) del gráfico deben ser una lista de colores o un color por categoría, no ${describe(value)}.`,
    hint: "escriba p. ej. colors: { Renovable: '#2e7d32', Fósil: '#6d4c41' } o colors: ['#0b5cad', '#d9480f']",
  }),
  chartColor: (value: unknown): Message => ({
    message: `${describe(value).replace(/^./, (first) => first.toUpperCase())} no es un color.`,
    hint: "escriba un color hexadecimal entre comillas, p. ej. '#0b5cad' (YAML toma un # sin comillas como comentario)",
  }),
  browserMissing: (searched: readonly string[]): Message => ({
    message: `No se encontró Chrome ni Chromium: CHROME_PATH no está definido y no existe ninguno de ${searched.join(', ')}.`,
    hint: 'instale Chromium (Debian/Ubuntu: sudo apt-get install chromium), o defina CHROME_PATH=/ruta/a/chrome',
  }),
  browserPathMissing: (path: string): Message => ({
    message: `CHROME_PATH vale "${path}", pero ahí no hay ningún archivo.`,
    hint: 'haga que CHROME_PATH apunte a un programa Chrome o Chromium, o quítelo para buscar en las rutas habituales; para instalar uno: sudo apt-get install chromium',
  }),
  browserLaunch: (path: string, detail: string): Message => ({
    message: `El navegador ${path} no arrancó: ${detail}`,
    hint: `compruebe que "${path} --version" funcione, o defina CHROME_PATH con otro Chrome o Chromium (sudo apt-get install chromium)`,
  }),
  printTimeout: (seconds: number): Message => ({
    message: `reveal.js no terminó de preparar las diapositivas para imprimir en ${seconds} s.`,
    hint: 'abra la presentación con ?print-pdf en un navegador para ver qué se queda colgado, o vuelva a ejecutar con --debug',
  }),
  notesNotPublic: (): Message => ({
    message: '--notes y --public no pueden usarse juntos: un PDF con notas es para quien presenta.',
    hint: 'ejecute npm run pdf para el PDF que se comparte, y npm run pdf -- --notes para el folleto con notas',
  }),
  strictHint: (hint: string): string => `${hint} (un error con --strict; sin esa opción, un aviso)`,
  usage: (detail: string): Message => ({
    message: detail,
    hint: 'ejecute datadeck --help para ver los comandos y las opciones',
  }),
  portInUse: (port: number): Message => ({
    message: `El puerto ${port} ya está en uso, así que el servidor de desarrollo no puede escuchar en él.`,
    hint: `detenga el programa que lo usa, o elija otro puerto: npm run dev -- --port ${port === 65535 ? 8000 : port + 1}`,
  }),
  portDenied: (port: number): Message => ({
    message: `El puerto ${port} necesita permisos de administrador.`,
    hint: 'elija un puerto mayor que 1023, p. ej. npm run dev -- --port 8080',
  }),
  badPort: (value: string): Message => ({
    message: `--port debe ser un número entero del 0 al 65535; se encontró "${value}".`,
    hint: 'escriba p. ej. --port 8080; --port 0 elige cualquier puerto libre',
  }),
  watchStopped: (detail: string): Message => ({
    message: `El servidor de desarrollo dejó de vigilar los cambios: ${detail}.`,
    hint: 'deténgalo con Ctrl-C y vuelva a iniciar npm run dev',
  }),
  devBuildFailed: (): Message => ({
    message: 'El último guardado no se pudo construir: las diapositivas detrás de este mensaje son la última versión correcta.',
    hint: 'corrija el archivo y guárdelo; esta página se recarga sola.',
  }),
  themeFont: (file: string, url: string): Message => ({
    message: `El tema ${file} nombra el archivo de fuente "${url}", que no existe.`,
    hint: 'escriba una ruta junto al tema ("./fonts/x.woff2") o un archivo de un paquete instalado ("@fontsource-variable/source-sans-3/files/...woff2")',
  }),
  outUnwritable: (dir: string, reason: string): Message => ({
    message: `No se puede escribir la presentación en "${dir}" (${reason}).`,
    hint:
      reason === 'EEXIST' || reason === 'ENOTDIR'
        ? 'hay un archivo con ese nombre: indique a --out el nombre de una carpeta, p. ej. --out dist'
        : 'indique a --out una carpeta en la que se pueda escribir, p. ej. --out dist',
  }),
  cacheUnreadable: (file: string, reason: string): Message => ({
    message: `Se ignoró la caché de construcción ${file} (${reason}); los gráficos y las fuentes se generaron de nuevo.`,
    hint: 'no hace falta hacer nada: esta construcción escribió una caché nueva. Borrar la carpeta siempre es seguro.',
  }),
  cacheUnwritable: (file: string, reason: string): Message => ({
    message: `No se pudo escribir la caché de construcción ${file} (${reason}); la presentación se construyó igualmente.`,
    hint: 'la próxima construcción volverá a dibujar los gráficos; compruebe que se pueda escribir en la carpeta para que las reconstrucciones sean rápidas',
  }),
  internal: (detail: string): Message => ({
    message: `datadeck falló de forma inesperada: ${detail}. Es un error de datadeck, no de sus datos.`,
    hint: 'vuelva a ejecutar con --debug para ver la traza de la pila, e infórmelo',
  }),
  newNeedsName: (): Message => ({
    message: 'datadeck new recibe un argumento: el nombre del archivo nuevo.',
    hint: 'escriba p. ej. npx datadeck new mi-tema.yaml',
  }),
  optionNotForCommand: (option: string, command: string, commands: readonly string[]): Message => ({
    message: `datadeck ${command} no admite --${option}.`,
    hint: `${commands.length > 0 ? `--${option} es para ${commands.map((name) => `datadeck ${name}`).join(', ')}; ` : ''}ejecute datadeck --help para ver las opciones de cada comando`,
  }),
  unexpectedArgument: (argument: string): Message => ({
    message: `Argumento inesperado: "${argument}".`,
    hint: 'ejecute datadeck --help para ver los comandos y las opciones; un valor con espacios va entre comillas',
  }),
  unknownCommand: (command: string, commands: readonly string[]): Message => ({
    message: `Comando desconocido: "${command}"; los comandos son ${commands.join(', ')}.`,
    hint: 'ejecute datadeck --help para ver los comandos y las opciones',
  }),
  badCliLanguage: (value: string, languages: readonly string[]): Message => ({
    message: `datadeck no habla el idioma "${value}".`,
    hint: `use --lang ${languages.join(' o --lang ')}`,
  }),
  devServing: (url: string): string => `sirviendo ${url}`,
  devNetwork: (url: string): string => `en la red ${url}`,
  devNoNetwork: (): string => 'en la red: no se encontró ninguna dirección (¿está conectado este equipo?)',
  devWatching: (): string => 'vigilando el archivo de datos, su hoja de cálculo y templates/ · Ctrl-C para detener',
  devBuilt: (input: { file: string; slides: number; charts: number; ms: number }): string =>
    `✔ ${input.file} · ${count(input.slides, 'diapositiva', 'diapositivas')} · ${count(input.charts, 'gráfico', 'gráficos')} · ${input.ms} ms`,
  rebuildNoChanges: (): string => 'sin cambios',
  rebuildNoDataChanges: (): string => 'sin cambios en los datos',
  rebuildCounts: (slides: number, charts: number): string =>
    [count(slides, 'diapositiva', 'diapositivas'), ...(charts > 0 ? [count(charts, 'gráfico', 'gráficos')] : [])].join(', '),
  rebuildList: (total: number, kind: 'changes' | 'files', shown: string): string =>
    `${total} ${kind === 'changes' ? 'cambios' : 'archivos'}: ${shown}`,
  rebuildAdded: (path: string): string => `${path} añadido`,
  rebuildRemoved: (path: string): string => `${path} eliminado`,
  unknownOption: (option: string): Message => ({
    message: `Opción desconocida: ${option}.`,
    hint: 'ejecute datadeck --help para ver las opciones; un nombre de archivo que empiece con - va después de --',
  }),
  optionValue: (option: string, isMissing: boolean): Message => ({
    message: isMissing ? `La opción ${option} necesita un valor.` : `La opción ${option} no admite un valor.`,
    hint: isMissing ? `escríbalo después de la opción: ${option} valor` : `escriba ${option} sola`,
  }),
  severity: (severity: 'error' | 'warning'): string => (severity === 'error' ? 'error' : 'aviso'),
  hintLabel: (): string => 'sugerencia',
  causedBy: (): string => 'causado por',
  problemCount: (problems: number): string => `Se encontraron ${problems} problemas; no se escribió nada.`,
  // ── Filas desde una hoja de cálculo (rows: datos.csv, rows: { file: datos.xlsx, sheet: Hoja1 }) ──
  sheetFileMissing: (file: string, others: readonly string[]): Message => ({
    message: `Las filas deben venir de ${file}, que no existe.`,
    hint:
      others.length > 0
        ? `las hojas de cálculo junto a la presentación son ${nameList(others)}; la ruta es relativa al archivo YAML`
        : 'guarde la hoja de cálculo junto al archivo YAML (como .csv o .xlsx) y nómbrela en rows:, p. ej. rows: datos.csv',
  }),
  sheetBadFile: (value: unknown): Message => ({
    message: `rows: nombra ${describe(value)}, que no es una hoja de cálculo que datadeck sepa leer.`,
    hint: 'nombre un archivo .csv o .xlsx junto a la presentación (rows: datos.csv), o escriba las filas en el YAML; un .xls o .ods antiguo: guárdelo antes como .xlsx',
  }),
  sheetBadRange: (value: unknown): Message => ({
    message: `El rango ${quote(value)} no es un rango de celdas.`,
    hint: 'escriba sus dos esquinas como en Excel, p. ej. A1:F20; la primera fila del rango lleva los encabezados',
  }),
  sheetOnlyXlsx: (key: string): Message => ({
    message: `"${key}" solo se aplica a un libro .xlsx; esta presentación lee un archivo CSV.`,
    hint: `quite "${key}": un archivo CSV tiene una sola hoja, y su primera línea lleva los encabezados`,
  }),
  sheetUnknownName: (file: string, sheet: string, sheets: readonly string[]): Message => ({
    message: `${file} no tiene ninguna hoja llamada "${sheet}".`,
    hint: `sus hojas son ${nameList(sheets)}`,
  }),
  sheetNotXlsx: (file: string, detail: string): Message => ({
    message: `${file} no se puede leer como libro .xlsx (${detail}).`,
    hint: 'ábralo en Excel o LibreOffice y guárdelo de nuevo como "Libro de Excel (.xlsx)"; un archivo .xls u .ods debe guardarse antes como .xlsx',
  }),
  sheetNotUtf8: (file: string, byte: number, asLatin: string): Message => ({
    message: `${file} no está en UTF-8: tiene el byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${asLatin.trim() === '' ? '' : ` ("${asLatin}" en Windows-1252)`}, como lo escribe Excel al guardar un "CSV (delimitado por comas)" simple, en Latin-1/Windows-1252.`,
    hint: 'guárdelo de nuevo en UTF-8: en Excel, Guardar como → "CSV UTF-8 (delimitado por comas)"; en LibreOffice, Guardar como → CSV → Juego de caracteres: Unicode (UTF-8); el CSV que descarga Google Sheets ya está en UTF-8',
  }),
  sheetCsvSyntax: (detail: string): Message => ({
    message: `No se puede leer el archivo CSV: ${detail}.`,
    hint: 'una celda que empieza con comillas (") debe terminar con ellas; unas comillas dentro de una celda entre comillas se escriben dos veces ("")',
  }),
  sheetNoHeader: (): Message => ({
    message: 'Esta columna tiene valores pero no tiene encabezado, así que no hay campo donde leerlos.',
    hint: 'escriba el nombre o el rótulo del campo en la fila de encabezados, sobre ella, o borre la columna',
  }),
  sheetUnknownHeader: (header: string, suggestion: string | undefined, labels: readonly string[]): Message => ({
    message: `La columna "${header}" no corresponde a ningún campo de la presentación.`,
    hint: `${suggestion !== undefined ? `${didYouMean(suggestion)} ` : `los campos son ${nameList(labels)}. `}Un encabezado nombra un campo por su nombre o su rótulo (no importan mayúsculas ni tildes); para dejar fuera la columna, añádala a rows: ignore: [${header}]`,
  }),
  sheetHeaderTwice: (header: string, field: string, first: string): Message => ({
    message: `La columna "${header}" es una segunda columna para el campo "${field}" (la primera es "${first}").`,
    hint: 'conserve una de las dos columnas, o dele a esta un campo propio en fields:',
  }),
  sheetHeaderUnit: (header: string, unit: string, fieldUnit: string): Message => ({
    message: `El encabezado "${header}" nombra la unidad "${unit}", que no es una unidad de este campo (en ${fieldUnit}).`,
    hint: `escriba en el encabezado una unidad del mismo tipo, p. ej. (${fieldUnit}), o quítela`,
  }),
  sheetMissingColumn: (name: string, label: string): Message => ({
    message: `Ninguna columna contiene el campo "${name}" (${label}), que toda fila necesita.`,
    hint: `añada una columna con el encabezado "${label}" (o "${name}"), o marque el campo optional: true en fields:`,
  }),
  sheetTooManyCells: (cells: number, width: number, kind: 'csv' | 'xlsx'): Message => ({
    message: `Esta fila tiene ${cells} celdas; la fila de encabezados tiene ${width}.`,
    hint:
      kind === 'csv'
        ? 'un número con coma decimal en un archivo separado por comas se parte en dos celdas: póngalo entre comillas ("1,5") o guarde el archivo con ";" como separador; si no, añada el encabezado que falta'
        : 'dele a esta columna un encabezado que nombre un campo, o borre las celdas que pasan del último encabezado',
  }),
  sheetEmptyCell: (name: string, label: string): Message => ({
    message: `La celda de "${name}" (${label}) está vacía, y toda fila la necesita.`,
    hint: 'llene la celda, o marque el campo optional: true en fields: (una celda vacía es entonces un valor que falta)',
  }),
  sheetDecimalComma: (value: string): Message => ({
    message: `La celda ${quote(value)} tiene coma decimal, pero este archivo se lee con punto decimal.`,
    hint: 'si el archivo escribe los decimales con coma (1.234,5), indíquelo en rows: { file: …, decimal: comma }; si no, escriba 1.5',
  }),
  sheetDateCell: (iso: string): Message => ({
    message: `La celda contiene la fecha ${iso}, no una cifra.`,
    hint: 'la hoja de cálculo convierte algunas cifras en fechas al escribirlas (3/4 → 3 de abril): dé a la celda formato Número o Texto y escriba la cifra de nuevo',
  }),
  sheetEmpty: (file: string): Message => ({
    message: `${file} está vacío: no tiene fila de encabezados ni filas.`,
    hint: 'escriba un encabezado por campo en la primera fila (su nombre o su rótulo) y, debajo, una fila por cada cosa que compara; compruebe que el archivo se guardó',
  }),
  sheetNoRows: (file: string): Message => ({
    message: `${file} tiene fila de encabezados pero ninguna fila debajo.`,
    hint: 'añada una fila por cada cosa que compara bajo los encabezados; con range:, compruebe que el rango incluye las filas',
  }),
  sheetFormulaWithoutValue: (formula: string): Message => ({
    message: `La celda contiene una fórmula${formula === '' ? '' : ` (=${formula})`} pero ningún valor calculado por la hoja de cálculo.`,
    hint: 'abra el archivo en Excel o LibreOffice y guárdelo de nuevo: al guardar se almacena el resultado de cada fórmula, que es lo que lee datadeck (no calcula fórmulas; el formula: de un campo sí)',
  }),
  sheetFormulaError: (error: string): Message => ({
    message: `La fórmula de la celda da el error ${error}.`,
    hint: 'corrija la fórmula en la hoja de cálculo (o vacíe la celda si el valor falta) y guárdela de nuevo',
  }),
  sheetDuplicateRow: (name: string, first: string): Message => ({
    message: `Dos filas usan el nombre ${quote(name)} (la primera en ${first}).`,
    hint: 'el primer campo da nombre a cada fila, así que cada fila necesita uno propio: cambie uno o quite la fila repetida',
  }),
  // La exportación a PowerPoint (src/commands/pptx.ts).
  pptxPictureMissing: (slideNumber: number, title: string): Message => ({
    message: `Diapositiva ${slideNumber} ("${title}"): su gráfico es una imagen, que necesita Chrome o Chromium para dibujarse; la diapositiva lo indica en su lugar.`,
    hint: 'instale Chromium (Debian/Ubuntu: sudo apt-get install chromium) o defina CHROME_PATH, y exporte de nuevo; las demás diapositivas están completas',
  }),
  pptxPicturePlaceholder: (chartName: string): Message => ({
    message: `Aquí falta el gráfico "${chartName}": se exporta como imagen, y eso necesita Chrome o Chromium.`,
    hint: 'exporte de nuevo en un equipo con Chromium, o copie el gráfico de la presentación HTML',
  }),
  pptxUnwritable: (dir: string, reason: string): Message => ({
    message: `No se puede escribir deck.pptx en "${dir}" (${reason}); el archivo anterior, si lo hay, no cambió.`,
    hint:
      reason === 'EEXIST' || reason === 'ENOTDIR'
        ? 'ya hay un archivo con ese nombre: dé a --out el nombre de una carpeta, p. ej. --out dist'
        : 'dé a --out una carpeta en la que se pueda escribir, p. ej. --out dist',
  }),
  built: (input: { file: string; kilobytes: string; slides: number; charts: number; ms: number }): string =>
    `✔ ${input.file} · ${input.kilobytes} kB · ${count(input.slides, 'diapositiva', 'diapositivas')} · ${count(input.charts, 'gráfico', 'gráficos')} · ${input.ms} ms`,
  checked: (input: { file: string; rows: number; slides: number }): string =>
    `✔ ${input.file}: ${count(input.rows, 'fila', 'filas')}, ${count(input.slides, 'diapositiva', 'diapositivas')}, sin errores`,
  exported: (input: { file: string; kilobytes: string; slides: number; nativeCharts: number; pictures: number; ms: number }): string =>
    `✔ ${input.file} · ${input.kilobytes} kB · ${count(input.slides, 'diapositiva', 'diapositivas')} · ${count(input.nativeCharts, 'gráfico nativo', 'gráficos nativos')}, ${count(input.pictures, 'imagen', 'imágenes')} · ${input.ms} ms`,
  printed: (input: { file: string; kilobytes: string; slides: number; notesPages: number; ms: number }): string =>
    `✔ ${input.file} · ${input.kilobytes} kB · ${count(input.slides, 'diapositiva', 'diapositivas')}${input.notesPages > 0 ? ` + ${count(input.notesPages, 'página', 'páginas')} de notas` : ''} · ${input.ms} ms`,
  starterWritten: (file: string, outDir: string): string =>
    `✔ se escribió ${file}: constrúyalo con  npx datadeck build --data ${file} --out ${outDir}`,
  workflowWritten: (file: string): string =>
    `✔ se escribió ${file}: al subirlo a GitHub, publica la presentación en GitHub Pages (antes, una vez: Settings → Pages → Source: GitHub Actions)`,
  workflowKept: (file: string): string => `· ${file} ya existe: se deja como está (publica la presentación para la que se escribió)`,
  previewWritten: (file: string, kilobytes: string, url: string): string => `✔ ${file} · ${kilobytes} kB · vista previa del enlace ${url}`,
  help: (): string => `datadeck: una presentación reveal.js a partir de datos, en un solo archivo HTML que funciona sin conexión

Uso:
  datadeck [build] [opciones]  construye la presentación (comando por defecto)
  datadeck new <archivo.yaml>  escribe una presentación inicial corta para editar (--locale en para inglés)
  datadeck check [opciones]    solo valida los datos; sale con 0 o 1
  datadeck schema [--out archivo]  imprime (o escribe) el JSON Schema del archivo de datos
  datadeck pdf [--notes]       imprime la presentación en dist/deck.pdf, una página por diapositiva (necesita Chrome o Chromium)
  datadeck pptx [--public]     escribe dist/deck.pptx: texto, tablas y gráficos nativos, notas del orador como notas de la diapositiva
  datadeck dev [--port n] [--host]  construye, sirve en localhost, reconstruye y recarga la página en cada guardado

Opciones:
  --data <archivo>  el conjunto de datos YAML (por defecto: data/deck.yaml)
  --locale <es|en>  new: el idioma de la presentación inicial (por defecto: es)
  --out <carpeta>   dónde se escribe index.html (por defecto: dist)
  --strict          trata los avisos (cifras que no coinciden) como errores
  --public          deja fuera todas las notas del presentador, para compartir la presentación (o el .pptx)
  --url <dirección> la dirección pública de la presentación (https://…/): etiquetas e imagen de vista previa del enlace, código QR (build, dev, pdf, pptx)
  --notes           pdf: añade las notas de cada diapositiva en una página tras ella, en dist/deck-notes.pdf
  --port <n>        dev: el puerto en el que servir (por defecto: 8000, o el siguiente libre; 0 elige cualquiera libre)
  --host            dev: escucha también en la red local e imprime sus direcciones, para el público
  --lang <es|en>    el idioma de estos mensajes (por defecto: el de LC_ALL, LC_MESSAGES o LANG; inglés salvo es_*)
  --debug           muestra la traza de la pila de los fallos inesperados
  -h, --help        muestra esta ayuda
  -v, --version     imprime la versión

Códigos de salida: 0 éxito, 1 problema en los datos o las plantillas, 2 error de uso, 3 error interno.`,
};
