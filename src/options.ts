import { fileURLToPath } from 'node:url';

export interface BuildOptions {
  /** The YAML dataset, relative to the working directory. */
  readonly dataFile: string;
  /** Where index.html goes. */
  readonly outDir: string;
  /** The layouts, partials, charts and themes. */
  readonly templatesDir: string;
  /** Treat warnings (figures that disagree) as errors. */
  readonly isStrict: boolean;
  /** Leave every speaker note out, for a deck shared with the audience. */
  readonly isPublic: boolean;
  /** Built to be printed to PDF: fonts embedded as one static instance per weight, which a PDF keeps as real fonts. */
  readonly isForPrint: boolean;
  /** Where rendered charts and font subsets are kept between runs, relative to the working directory; undefined: nowhere. */
  readonly cacheDir: string | undefined;
  /** The deck's public address from --url (normalized), over meta.url; undefined: meta.url's, or none. */
  readonly url: string | undefined;
  /**
   * Take the link-preview image (a deck with an address) with the browser these variables find (CHROME_PATH, PATH);
   * undefined: no image (the dev server, the PDF's build, tests), so no browser starts.
   */
  readonly previewEnv: Readonly<Record<string, string | undefined>> | undefined;
}

// src/options.ts and lib/options.js both sit one level below the package root.
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_OPTIONS: BuildOptions = {
  dataFile: 'data/deck.yaml',
  outDir: 'dist',
  templatesDir: fileURLToPath(new URL('../templates', import.meta.url)),
  isStrict: false,
  isPublic: false,
  isForPrint: false,
  // Where tools keep their caches by convention: ignored by git, removed with node_modules.
  cacheDir: 'node_modules/.cache/datadeck',
  url: undefined,
  previewEnv: undefined,
};

export function createBuildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return { ...DEFAULT_OPTIONS, ...overrides };
}
