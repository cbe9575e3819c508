import { writeFile } from 'node:fs/promises';
import { deckSchemaKey, renderDeckSchema } from '../data/deck-json-schema.js';
import { loadProject } from '../data/load.js';
import { checkFields } from '../data/validate-fields.js';
import type { BuildOptions } from '../options.js';
import { analyzeLayouts } from '../slides/layouts.js';

/**
 * The JSON Schema editors use to complete and explain a data file: the frame, the deck's own fields and the keys of
 * each layout. Made from whatever declarations are valid, so it helps while the deck still has mistakes.
 */
export async function renderJsonSchema(options: BuildOptions): Promise<string> {
  const project = await loadProject(options, { isCacheRead: false });
  const raw = project.data.value;
  const fields = typeof raw === 'object' && raw !== null ? checkFields(raw).fields : [];
  const rawFields = typeof raw === 'object' && raw !== null && 'fields' in raw ? raw.fields : undefined;
  const key = deckSchemaKey(rawFields, project.templates.layouts, project.templates.partials);
  return renderDeckSchema({ fields, layouts: analyzeLayouts(project.templates), key });
}

/** Prints the schema, or writes it to `outFile` and says where. */
export async function writeSchema(options: BuildOptions, outFile: string | undefined): Promise<string> {
  const text = await renderJsonSchema(options);
  if (outFile === undefined) return text.trimEnd();
  await writeFile(outFile, text, 'utf8');
  return `✔ wrote ${outFile}`;
}
