#!/usr/bin/env node
// Bundles the CLI after tsc has emitted lib/: lib/cli.bundle.cjs (everything a build needs but the charts and the
// spreadsheet readers), lib/chart-libraries.bundle.cjs (vega and vega-lite, required only when a chart is not in the
// cache), lib/sheet-libraries.bundle.cjs (csv-parse, read-excel-file: required only by a deck whose rows: names a file)
// and lib/qr-libraries.bundle.cjs (qrcode-generator: required only by a deck that shows a QR code).
// Why: Node resolves, reads and compiles each ESM file on its own; the ~400 modules of zod, yaml, handlebars,
// vega and our code cost more to load than a build takes. lib/main.js loads the bundles with V8's code
// cache (src/load-bundle.ts); tsc's per-file output stays in lib/ as the fallback and for direct imports.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = resolve(ROOT, 'src');
const LIB = resolve(ROOT, 'lib');
const CHART_LIBRARIES = resolve(SRC, 'charts/chart-libraries.ts');
const SHEET_LIBRARIES = resolve(SRC, 'data/sheet/sheet-libraries.ts');
const QR_LIBRARIES = resolve(SRC, 'share/qr-libraries.ts');
// Modules kept out of the CLI bundle, each in a bundle of its own that is required the first time it is imported.
const LAZY_BUNDLES = new Map(
  [CHART_LIBRARIES, SHEET_LIBRARIES, QR_LIBRARIES].map((file) => [file, `${file.split(/[/\\]/).pop().replace(/\.ts$/, '')}.bundle.cjs`]),
);

// Packages that stay on disk: playwright-core drives a browser and reads its own files; subset-font finds its
// .wasm with require.resolve; fontverter (which unpacks the font that measures chart labels) loads its own too.
// pptxgenjs and jszip (the PowerPoint export) stay on disk too: required only when `datadeck pptx` runs.
const EXTERNAL = ['playwright-core', 'subset-font', 'fontverter', 'pptxgenjs', 'jszip'];

/**
 * CommonJS has no import.meta: each module gets the URL of its tsc twin in lib/ instead, so code that finds
 * files next to itself (templates, client scripts) resolves the same paths bundled or not.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(context) {
    context.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
      const twin = relative(SRC, path).replace(/\.ts$/, '.js').split('\\').join('/');
      const url = `__datadeckFileUrl(__datadeckJoin(__dirname, ${JSON.stringify(twin)})).href`;
      const imports =
        "import { pathToFileURL as __datadeckFileUrl } from 'node:url'; import { join as __datadeckJoin } from 'node:path';\n";
      const contents = imports + source.replaceAll('import.meta.url', `(${url})`);
      if (contents.includes('import.meta'))
        throw new Error(`${relative(ROOT, path)} uses import.meta beyond .url; teach scripts/bundle-cli.mjs about it`);
      return { contents, loader: 'ts', resolveDir: dirname(path) };
    });
  },
};

/**
 * The CLI bundle requires the chart libraries' bundle instead of inlining vega. A require(), not an import():
 * src/load-bundle.ts hands each bundle a require that loads another bundle with its code cache.
 */
const requireChartBundle = {
  name: 'require-chart-bundle',
  setup(context) {
    context.onResolve({ filter: /-libraries\.js$/ }, ({ path, resolveDir }) => {
      const bundle = LAZY_BUNDLES.get(resolve(resolveDir, path.replace(/\.js$/, '.ts')));
      return bundle === undefined ? undefined : { path: bundle, namespace: 'lazy-bundle' };
    });
    context.onResolve({ filter: /\.bundle\.cjs$/ }, ({ path }) => ({ path, external: true }));
    context.onLoad({ filter: /.*/, namespace: 'lazy-bundle' }, ({ path }) => ({
      contents: `module.exports = require('./${path}');`,
      loader: 'js',
    }));
  },
};

/**
 * vega-canvas probes for the optional node-canvas add-on with a top-level await, which CommonJS cannot hold.
 * Without the add-on (datadeck does not depend on it) both builds answer null; the browser build is that answer.
 */
const withoutNodeCanvas = {
  name: 'without-node-canvas',
  setup(context) {
    context.onResolve({ filter: /^vega-canvas$/ }, () => ({
      path: resolve(ROOT, 'node_modules/vega-canvas/build/vega-canvas.browser.js'),
    }));
  },
};

/**
 * An external package stays an import() in CommonJS output, which a vm.Script cannot run without a loader
 * callback; as a require() (both externals are CommonJS packages) it loads as it would unbundled.
 */
const requireExternals = {
  name: 'require-externals',
  setup(context) {
    const names = new RegExp(`^(${EXTERNAL.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/.*)?$`);
    context.onResolve({ filter: names, namespace: 'file' }, ({ path }) => ({ path, namespace: 'external-package' }));
    context.onResolve({ filter: names, namespace: 'external-package' }, ({ path }) => ({ path, external: true }));
    context.onLoad({ filter: /.*/, namespace: 'external-package' }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.DATADECK_READABLE_BUNDLE !== '1', // readable names for --cpu-prof
  legalComments: 'none',
  // src/load-bundle.ts reads the bundles as latin1, which is only right for ASCII (esbuild escapes the rest).
  charset: 'ascii',
  metafile: true,
  external: EXTERNAL,
  logLevel: 'warning',
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: [resolve(SRC, 'cli.ts')],
    outfile: resolve(LIB, 'cli.bundle.cjs'),
    plugins: [keepModuleUrls, requireChartBundle, requireExternals],
  }),
  build({
    ...common,
    entryPoints: [CHART_LIBRARIES],
    outfile: resolve(LIB, 'chart-libraries.bundle.cjs'),
    plugins: [keepModuleUrls, withoutNodeCanvas, requireExternals],
  }),
  build({
    ...common,
    entryPoints: [SHEET_LIBRARIES],
    outfile: resolve(LIB, 'sheet-libraries.bundle.cjs'),
    plugins: [keepModuleUrls, requireExternals],
  }),
  build({
    ...common,
    entryPoints: [QR_LIBRARIES],
    outfile: resolve(LIB, 'qr-libraries.bundle.cjs'),
    plugins: [keepModuleUrls, requireExternals],
  }),
]);

// The build cache is stamped with the content of src/ (src/cache/code-stamp.ts): written once here, so the CLI
// reads 64 characters instead of hashing its own code on every build.
const { hashTree, CODE_STAMP_FILE } = await import('../lib/cache/code-stamp.js');
writeFileSync(resolve(LIB, CODE_STAMP_FILE), `${hashTree(SRC)}\n`);

if (process.argv.includes('--report')) {
  for (const { metafile } of results) {
    for (const [file, output] of Object.entries(metafile.outputs)) {
      const packages = new Map();
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'datadeck';
        packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
      }
      const top = [...packages]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)}`);
      console.log(`${relative(ROOT, file)}: ${Math.round(output.bytes / 1024)} kB (${top.join(', ')})`);
    }
  }
}
