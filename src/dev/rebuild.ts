import { buildDeck, createBuildCache, type BuildCache } from '../build.js';
import { messages, type MessageCatalogue } from '../errors/messages.js';
import { formatFailure, formatProblem, readQuotedFiles } from '../errors/report.js';
import type { BuildResult } from '../model.js';
import type { BuildOptions } from '../options.js';
import { countChangedSlides, diffDecks, formatRebuildLine } from './describe-changes.js';

export type RebuildOutcome =
  | {
      readonly isBuilt: true;
      /** One line: what changed, slides and charts affected, time. */
      readonly line: string;
      /** False when the save changed nothing a page shows (a YAML comment): open pages need no reload. */
      readonly isNewDeck: boolean;
      /** The warnings, formatted, when they differ from the previous build's. */
      readonly warnings: string | undefined;
      readonly result: BuildResult;
    }
  | { readonly isBuilt: false /** The same text as the CLI's. */; readonly report: string };

export interface DevBuilder {
  rebuild(files: readonly string[]): Promise<RebuildOutcome>;
}

/** buildDeck with one long-lived cache, describing each build against the last good one. */
export function createDevBuilder(
  options: BuildOptions,
  cache: BuildCache = createBuildCache(),
  say: MessageCatalogue = messages,
): DevBuilder {
  let previous: BuildResult | undefined;
  let previousWarnings = '';
  let hasFailed = false;
  return {
    async rebuild(files) {
      const started = performance.now();
      const chartsBefore = new Set(cache.charts.keys());
      let result: BuildResult;
      try {
        result = await buildDeck(options, cache);
      } catch (error) {
        hasFailed = true;
        return { isBuilt: false, report: formatFailure(error, say) };
      }
      const ms = performance.now() - started;
      const renderedCharts = [...cache.charts.keys()].filter((key) => !chartsBefore.has(key)).length;
      const templateFiles = files.filter((file) => file !== options.dataFile);
      const line = describeBuild({ previous, result, files: templateFiles, chartCount: renderedCharts, ms, say });
      const isNewDeck =
        previous === undefined || hasFailed || templateFiles.length > 0 || line.isChanged || previous.bytes !== result.bytes;
      const warnings = formatWarnings(result, say);
      const isNewWarnings = warnings !== previousWarnings;
      previous = result;
      previousWarnings = warnings;
      hasFailed = false;
      return { isBuilt: true, line: line.text, isNewDeck, warnings: isNewWarnings && warnings !== '' ? warnings : undefined, result };
    },
  };
}

function describeBuild(input: {
  previous: BuildResult | undefined;
  result: BuildResult;
  files: readonly string[];
  chartCount: number;
  ms: number;
  say: MessageCatalogue;
}): { text: string; isChanged: boolean } {
  const { previous, result, chartCount, ms, say } = input;
  if (previous === undefined) {
    return {
      text: say.devBuilt({ file: result.outFile, slides: result.slideCount, charts: result.chartCount, ms: Math.round(ms) }),
      isChanged: true,
    };
  }
  const changes = diffDecks(previous.deck, result.deck);
  const slideCount = countChangedSlides(previous.slides, result.slides);
  const text = formatRebuildLine({ changes, files: input.files, slideCount, chartCount, ms }, say);
  return { text, isChanged: changes.length > 0 || slideCount > 0 };
}

function formatWarnings(result: BuildResult, say: MessageCatalogue): string {
  const texts = readQuotedFiles(result.warnings);
  return result.warnings.map((warning) => formatProblem(warning, 'warning', { texts, say })).join('\n\n');
}
