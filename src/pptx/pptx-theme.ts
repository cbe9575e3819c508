/** The theme as PowerPoint needs it: hex colours without "#", one font family, the chart palette. */
export interface PptxTheme {
  readonly font: string;
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly heading: string;
  readonly primary: string;
  readonly accent: string;
  readonly border: string;
  /** The charts' category colours, in order (the Vega-Lite config's range.category). */
  readonly series: readonly string[];
}

// aula's values: a theme that leaves a variable out still gets readable slides.
const FALLBACK: PptxTheme = {
  font: 'Source Sans 3',
  background: 'FFFFFF',
  surface: 'F3F6FA',
  text: '1D2433',
  muted: '4E5768',
  heading: '0B3A66',
  primary: '0B5CAD',
  accent: 'C2410C',
  border: 'D8DDE6',
  series: ['0B5CAD', 'D9480F', '2B8A3E', '862E9C', '5B6475', '0C7C8C', 'A61E4D', '1D2433'],
};

/** Reads the theme's --dd-* custom properties and its chart config; what is missing keeps aula's value. */
export function readPptxTheme(css: string, chartConfig: unknown): PptxTheme {
  const color = (name: string, fallback: string) => toHex(readVariable(css, name)) ?? fallback;
  const family = readVariable(css, 'font')
    ?.split(',')[0]
    ?.trim()
    .replace(/^["']|["']$/g, '');
  return {
    font: family === undefined || family === '' ? FALLBACK.font : family,
    background: color('bg', FALLBACK.background),
    surface: color('surface', FALLBACK.surface),
    text: color('text', FALLBACK.text),
    muted: color('muted', FALLBACK.muted),
    heading: color('heading', FALLBACK.heading),
    primary: color('primary', FALLBACK.primary),
    accent: color('accent', FALLBACK.accent),
    border: color('border', FALLBACK.border),
    series: readPalette(chartConfig) ?? FALLBACK.series,
  };
}

function readVariable(css: string, name: string): string | undefined {
  return new RegExp(`--dd-${name}\\s*:\\s*([^;]+);`).exec(css)?.[1]?.trim();
}

/** "#0b5cad" or "#fff" → "0B5CAD"; anything else (a var(), a name) is not a colour PowerPoint can take. */
export function toHex(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  return (digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits).toUpperCase();
}

function readPalette(config: unknown): string[] | undefined {
  if (!isRecord(config) || !isRecord(config.range) || !Array.isArray(config.range.category)) return undefined;
  const colors = config.range.category.flatMap((value: unknown) => {
    const hex = typeof value === 'string' ? toHex(value) : undefined;
    return hex === undefined ? [] : [hex];
  });
  return colors.length > 0 ? colors : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
