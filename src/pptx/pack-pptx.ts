import type JSZipType from 'jszip';
import { writeZip, type ZipEntry } from './write-zip.js';

export interface PackInput {
  /** The deck's date (YYYY-MM-DD): the file's created and modified dates, and every zip entry's. */
  readonly date: string;
  /** The deck's language ("es"), for the file's properties. */
  readonly language: string;
}

/**
 * The same deck gives the same bytes: pptxgenjs stamps the time of the export into the zip entries and the
 * properties of the file and of each chart's workbook. Every entry is written again with the deck's own date.
 */
export async function packPptx(bytes: Uint8Array, input: PackInput): Promise<Buffer> {
  const JSZip = await loadJsZip();
  return repack(JSZip, bytes, input, { isPresentation: true });
}

async function repack(
  JSZip: typeof JSZipType,
  bytes: Uint8Array,
  input: PackInput,
  { isPresentation }: { isPresentation: boolean },
): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const written: ZipEntry[] = [];
  const date = toZipDate(input.date);
  const entries = Object.values(source.files).filter((entry) => !entry.dir);
  const renumber = isPresentation ? createChartRenumbering(entries.map((entry) => entry.name)) : (text: string) => text;
  for (const entry of entries) {
    const raw = await entry.async('uint8array');
    // Part names appear only in the relations and the content types, never next to the data's text.
    const namesParts = entry.name.endsWith('.rels') || entry.name === '[Content_Types].xml';
    const content = namesParts ? Buffer.from(renumber(Buffer.from(raw).toString('utf8')), 'utf8') : raw;
    const text = () => Buffer.from(content).toString('utf8');
    const fixed =
      entry.name === 'docProps/core.xml'
        ? Buffer.from(fixCoreProperties(text(), input, isPresentation), 'utf8')
        : /^ppt\/slides\/slide\d+\.xml$/.test(entry.name)
          ? Buffer.from(keepFirstParagraphProperties(text()), 'utf8')
          : entry.name.endsWith('.xlsx')
            ? await repack(JSZip, content, input, { isPresentation: false })
            : content;
    written.push({ name: renumber(entry.name), data: fixed });
  }
  return writeZip(written, date);
}

/**
 * pptxgenjs writes a paragraph's properties before each of its runs; a paragraph may have only one <a:pPr>, first
 * (PowerPoint offers to repair the file otherwise, LibreOffice drops the bullet). The first run's are the paragraph's.
 */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>[\s\S]*?<\/a:p>/g, (paragraph) => {
    let isFirst = true;
    return paragraph.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (properties) => {
      if (!isFirst) return '';
      isFirst = false;
      return properties;
    });
  });
}

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process: a second export in the same process
 * (the tests, a dev session) would name its charts chart6.xml… Charts and their workbooks are numbered from 1 again.
 */
function createChartRenumbering(names: readonly string[]): (text: string) => string {
  const numbering = (pattern: RegExp) => {
    const numbers = names.flatMap((name) => {
      const found = pattern.exec(name)?.[1];
      return found === undefined ? [] : [Number(found)];
    });
    return new Map([...numbers].sort((a, b) => a - b).map((number, index) => [number, index + 1]));
  };
  const charts = numbering(/^ppt\/charts\/chart(\d+)\.xml$/);
  const workbooks = numbering(/^ppt\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx$/);
  return (text) =>
    text
      .replace(/\bchart(\d+)\.xml/g, (_match, number: string) => `chart${charts.get(Number(number)) ?? number}.xml`)
      .replace(
        /Microsoft_Excel_Worksheet(\d+)\.xlsx/g,
        (_match, number: string) => `Microsoft_Excel_Worksheet${workbooks.get(Number(number)) ?? number}.xlsx`,
      );
}

/** The export's clock replaced by the deck's date; the presentation also names its language. */
export function fixCoreProperties(xml: string, input: PackInput, hasLanguage: boolean): string {
  const stamp = `${input.date}T00:00:00Z`;
  const dated = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
  if (!hasLanguage || dated.includes('<dc:language>')) return dated;
  const language = input.language.replace(/[^A-Za-z-]/g, '');
  return dated.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);
}

// A zip stores local time without a zone: the date at noon UTC reads as the same day everywhere.
function toZipDate(iso: string): Date {
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date('2000-01-01T12:00:00Z') : date;
}

// Loaded when an export runs: `datadeck build` never reads the zip library.
async function loadJsZip(): Promise<typeof JSZipType> {
  const loaded = await import('jszip');
  return loaded.default;
}
