import { z } from 'zod';

/**
 * `references:` of a deck: a BibTeX (.bib) or CSL-JSON (.json) file next to it, or a mapping with that file, the
 * citation style and references written in the YAML itself, each under its citation key.
 */

const text = (description: string) => z.string().trim().min(1).describe(description);
const isoDate = (description: string) =>
  z.union([z.iso.date({ error: 'date' }), z.string().regex(/^\d{4}(-\d{2})?$/, { error: 'date' })]).describe(description);

// The kinds of work a deck cites most, by the words a student would use; each is one CSL type.
export const ENTRY_TYPES = {
  article: 'article-journal',
  'conference-paper': 'paper-conference',
  webpage: 'webpage',
  report: 'report',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  dataset: 'dataset',
  news: 'article-newspaper',
  software: 'software',
} as const;

export const ReferenceEntrySchema = z.strictObject({
  type: z
    .enum(Object.keys(ENTRY_TYPES) as [keyof typeof ENTRY_TYPES, ...(keyof typeof ENTRY_TYPES)[]])
    .default('webpage')
    .describe('Tipo de obra: article, conference-paper, webpage, report, book, chapter, thesis, dataset, news o software.'),
  authors: z
    .array(text('«Apellido, Nombre», o una organización tal cual: «Agencia Internacional de Energía».'))
    .min(1)
    .optional()
    .describe('Autores, en orden: «Pereira, Rui», o una organización.'),
  year: z.number().int().min(1000).max(2999).optional().describe('Año de publicación (sin él se escribe «s. f.»).'),
  date: isoDate('Fecha de publicación, AAAA-MM-DD (o AAAA-MM), en lugar de year.').optional(),
  title: text('Título de la obra.'),
  container: text('Donde se publicó: la revista, las actas del congreso, el sitio web o el libro.').optional(),
  publisher: text('Editorial, institución u organización que la publica.').optional(),
  volume: z.union([z.number(), z.string()]).optional().describe('Volumen de la revista.'),
  issue: z.union([z.number(), z.string()]).optional().describe('Número de la revista.'),
  pages: z.union([z.number(), z.string()]).optional().describe('Páginas: «256-267».'),
  url: text('Dirección http:// o https://.').optional(),
  doi: text('DOI: «10.1145/3136014.3136031».').optional(),
  accessed: isoDate('Fecha de consulta, AAAA-MM-DD: para páginas web que cambian.').optional(),
});

export type ReferenceEntry = z.infer<typeof ReferenceEntrySchema>;

export const CITATION_KEY = /^[A-Za-z0-9_][A-Za-z0-9_:.+-]*$/;

export const REFERENCE_FILE = /\.(bib|json)$/i;

const fileName = z
  .string()
  .trim()
  .regex(REFERENCE_FILE, { error: 'reference-file' })
  .describe('Archivo de referencias junto al YAML: BibTeX (.bib) o CSL-JSON (.json), como lo exportan Zotero, Mendeley o Google Scholar.');

export const ReferencesMappingSchema = z.strictObject({
  file: fileName.optional(),
  style: z
    .string()
    .trim()
    .regex(/^([a-z0-9-]+|[^/\\]+\.csl)$/i, { error: 'citation-style' })
    .default('apa')
    .describe('Estilo de cita: apa (por defecto, APA 7), ieee, o un archivo .csl junto al YAML.'),
  entries: z
    .record(z.string().regex(CITATION_KEY, { error: 'citation-key' }), ReferenceEntrySchema)
    .optional()
    .describe('Referencias escritas aquí, cada una con su clave: pereira2017: { authors: [...], year: 2017, title: ... }.'),
});

export const ReferencesSchema = z
  .union([fileName, ReferencesMappingSchema])
  .describe('Las fuentes que la presentación cita: un archivo .bib o .json, o { file, style, entries }.');

/** A reference as CSL-JSON, the form citeproc formats: id is its citation key. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly [variable: string]: unknown;
}

/** A YAML entry as CSL-JSON: "Pereira, Rui" → { family, given }; an organization stays one literal name. */
export function toCslItem(key: string, entry: ReferenceEntry): CslItem {
  const dateParts = (iso: string) => ({ 'date-parts': [iso.split('-').map(Number)] });
  const issued = entry.date !== undefined ? dateParts(entry.date) : entry.year !== undefined ? dateParts(String(entry.year)) : undefined;
  const item: Record<string, unknown> = {
    author: entry.authors?.map(toName),
    issued,
    title: entry.title,
    'container-title': entry.container,
    publisher: entry.publisher,
    volume: entry.volume === undefined ? undefined : String(entry.volume),
    issue: entry.issue === undefined ? undefined : String(entry.issue),
    page: entry.pages === undefined ? undefined : String(entry.pages),
    URL: entry.url,
    DOI: entry.doi?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''),
    accessed: entry.accessed === undefined ? undefined : dateParts(entry.accessed),
  };
  return { ...Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)), id: key, type: ENTRY_TYPES[entry.type] };
}

function toName(name: string): { family: string; given?: string } | { literal: string } {
  const comma = name.indexOf(',');
  if (comma < 0) return { literal: name };
  return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
}
