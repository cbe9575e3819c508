import type JSZipType from 'jszip';

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

async function repack(JSZip: typeof JSZipType, bytes: Uint8Array, input: PackInput, { isPresentation }: { isPresentation: boolean }): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  const date = toZipDate(input.date);
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    const content = await entry.async('uint8array');
    const text = () => Buffer.from(content).toString('utf8');
    const fixed = entry.name === 'docProps/core.xml'
      ? Buffer.from(fixCoreProperties(text(), input, isPresentation), 'utf8')
      : /^ppt\/slides\/slide\d+\.xml$/.test(entry.name)
        ? Buffer.from(keepFirstParagraphProperties(text()), 'utf8')
        : entry.name.endsWith('.xlsx')
        ? await repack(JSZip, content, input, { isPresentation: false })
        : content;
    target.file(entry.name, fixed, { date, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
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
