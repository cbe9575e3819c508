import { analyzeLayouts } from '../slides/layouts.js';
import { checkProject } from '../build.js';
import type { Problem } from '../errors/deck-error.js';
import type { BuildOptions } from '../options.js';
import { loadProject } from '../data/load.js';

export interface CheckSummary {
  readonly file: string;
  readonly rowCount: number;
  readonly slideCount: number;
  readonly warnings: readonly Problem[];
}

/** The build's own load, validate and derive, stopping before charts: for editors and CI. */
export async function checkData(options: BuildOptions): Promise<CheckSummary> {
  const project = await loadProject(options);
  const { deck, warnings } = checkProject(project, options, { layouts: analyzeLayouts(project.templates), sentences: new Map() });
  return { file: project.dataFile, rowCount: deck.rows.length, slideCount: deck.slides.length, warnings };
}
