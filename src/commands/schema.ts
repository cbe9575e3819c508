import { writeFile } from 'node:fs/promises';
import { createJsonSchema } from '../data/deck-schema.js';

/** The JSON Schema editors use to complete and explain data/deck.yaml, generated from the zod schema. */
export function renderJsonSchema(): string {
  const schema = {
    ...createJsonSchema(),
    title: 'datadeck: datos de la presentación',
    description: 'Metadatos, modelos y diapositivas de una presentación datadeck.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Prints the schema, or writes it to `outFile` and says where. */
export async function writeSchema(outFile: string | undefined): Promise<string> {
  const text = renderJsonSchema();
  if (outFile === undefined) return text.trimEnd();
  await writeFile(outFile, text, 'utf8');
  return `✔ wrote ${outFile}`;
}
