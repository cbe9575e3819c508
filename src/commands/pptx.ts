import { locateBrowser } from '../browser/find-browser.js';
import { createBuildCache, prepareDeck } from '../build.js';
import { storeCache } from '../cache/build-cache.js';
import { isDeclaredChart, readDeclaredChart } from '../charts/declared.js';
import { prepareChart } from '../charts/declared-data.js';
import type { Problem } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { Charts, Deck } from '../model.js';
import type { BuildOptions } from '../options.js';
import { embedFonts } from '../page/fonts.js';
import { writePptxFile } from '../page/write.js';
import { pickFontFaces, renderChartPictures } from '../pptx/chart-pictures.js';
import type { ChartShape } from '../pptx/draw-slides.js';
import { planNativeChart } from '../pptx/native-charts.js';
import { planSlides, type PptxSlide } from '../pptx/plan-slides.js';
import { readPptxTheme, type PptxTheme } from '../pptx/pptx-theme.js';
import { renderPresentation } from '../pptx/render-pptx.js';
import { viewPageMeta, renderPlain } from '../slides/slide-views.js';
import type { BuildCache } from '../cache/build-cache.js';
import { normalizeDeckUrl } from '../share/deck-url.js';
import { encodeQrCode, pickQrSlides } from '../share/qr-code.js';
import { encodeQrPng } from '../share/qr-png.js';
import { findWords } from '../i18n/words.js';
import type { QrPicture } from '../pptx/qr-picture.js';

export interface PptxOptions {
  /** isPublic leaves the speaker notes out of the file. */
  readonly build: BuildOptions;
  /** Where CHROME_PATH and PATH are read from (charts drawn as pictures need a browser). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface PptxResult {
  readonly outFile: string;
  readonly bytes: number;
  readonly slideCount: number;
  readonly nativeChartCount: number;
  readonly pictureCount: number;
  /** The data's warnings, then one per slide whose picture could not be drawn. */
  readonly warnings: readonly Problem[];
}

/** load → validate → derive → charts (the build's stages) → slides as PowerPoint shapes → pictures → pptx → write */
export async function exportPptx(options: PptxOptions): Promise<PptxResult> {
  const cache = createBuildCache();
  const { project, deck, charts, layouts, warnings, notes } = await prepareDeck(options.build, cache);
  const theme = readPptxTheme(project.assets.themeCss, project.chartConfig);
  const slides = planSlides({ deck, layouts, sentences: cache.sentences, isPublic: options.build.isPublic });
  const plannedCharts = planCharts(slides, deck, charts, theme);
  const drawn = await drawPictures({
    planned: plannedCharts,
    slides,
    env: options.env,
    cache,
    fonts: { css: project.assets.themeCss, files: project.assets.fonts },
  });
  const context = { fields: deck.fields, rows: deck.rows, format: deck.format };
  const meta = viewPageMeta(deck, cache.sentences);
  const plain = (text: string | undefined) => (text === undefined ? '' : renderPlain(text, context, cache.sentences));
  const file = await renderPresentation({
    slides,
    charts: drawn.shapes,
    theme,
    properties: { title: meta.title, author: meta.author, subject: plain(deck.meta.course), company: plain(deck.meta.institution) },
    locale: deck.meta.locale,
    date: deck.meta.date,
    qr: await planQrPicture(deck, options.build.url, slides.length),
  });
  const written = await writePptxFile(file, options.build.outDir); // the only file write, atomic
  const stored = await storeCache(cache, project.cache.stamp, options.build.cacheDir);
  const shapes = [...drawn.shapes.values()];
  return {
    ...written,
    slideCount: slides.length,
    nativeChartCount: shapes.filter((shape) => shape.kind === 'native').length,
    pictureCount: shapes.filter((shape) => shape.kind === 'picture').length,
    warnings: [...warnings, ...notes, ...stored, ...drawn.problems],
  };
}

/** The QR code the HTML deck shows (meta.qr, an address from --url or meta.url), as a picture on the same slides. */
async function planQrPicture(deck: Deck, optionUrl: string | undefined, slideCount: number): Promise<QrPicture | undefined> {
  const url = optionUrl ?? (deck.meta.url === undefined ? undefined : normalizeDeckUrl(deck.meta.url));
  if (url === undefined || deck.meta.qr === false) return undefined;
  const words = findWords(deck.meta.locale);
  return {
    png: encodeQrPng(await encodeQrCode(url)),
    scan: words.qr.scan,
    shown: url.replace(/^https?:\/\//, ''),
    altText: `${words.qr.label}: ${url}`,
    slides: new Set(pickQrSlides(slideCount, deck.meta.qr)),
  };
}

type ChartPlan =
  | { readonly kind: 'native'; readonly shape: ChartShape }
  | { readonly kind: 'picture'; readonly chartId: string; readonly svg: string; readonly altText: string };

/** Each chart slide's chart: native when its kind is one PowerPoint draws, else the deck's SVG to picture. */
function planCharts(slides: readonly PptxSlide[], deck: Deck, charts: Charts, theme: PptxTheme): Map<PptxSlide, ChartPlan> {
  const plans = new Map<PptxSlide, ChartPlan>();
  const fields = [...deck.fields.values()];
  for (const slide of slides) {
    if (slide.kind !== 'chart') continue;
    const rendered = charts.get(slide.chartId);
    const declared = isDeclaredChart(slide.slide.values.chart) ? readDeclaredChart(slide.slide.values.chart, fields) : undefined;
    if (declared !== undefined && 'chart' in declared) {
      const native = planNativeChart(declared.chart, prepareChart(declared.chart, deck, deck.format.words.chart), theme);
      if (native !== undefined) {
        plans.set(slide, { kind: 'native', shape: { kind: 'native', chart: native } });
        continue;
      }
    }
    if (rendered !== undefined) plans.set(slide, { kind: 'picture', chartId: slide.chartId, svg: rendered.svg, altText: rendered.summary });
  }
  return plans;
}

/** The pictures drawn in one browser session; without a browser, each slide that needed one says so. */
async function drawPictures(input: {
  planned: ReadonlyMap<PptxSlide, ChartPlan>;
  slides: readonly PptxSlide[];
  env: Readonly<Record<string, string | undefined>>;
  cache: BuildCache;
  fonts: { readonly css: string; readonly files: ReadonlyMap<string, Uint8Array> };
}): Promise<{ shapes: Map<PptxSlide, ChartShape>; problems: Problem[] }> {
  const shapes = new Map<PptxSlide, ChartShape>();
  const svgs = new Map<string, string>();
  for (const [slide, plan] of input.planned) {
    if (plan.kind === 'native') shapes.set(slide, plan.shape);
    else svgs.set(plan.chartId, plan.svg);
  }
  if (svgs.size === 0) return { shapes, problems: [] };
  // The headless shell, when installed, starts faster: a picture needs no more than printing does.
  const browser = locateBrowser({ env: input.env, isForPrint: true });
  const pictures =
    'path' in browser
      ? await renderChartPictures({
          svgs,
          executablePath: browser.path,
          fontCss: pickFontFaces(
            await embedFonts({
              css: input.fonts.css,
              files: input.fonts.files,
              slides: [...svgs.values()],
              styles: [],
              cache: input.cache.fonts,
              isStaticInstances: false,
            }),
          ),
        })
      : new Map();
  const problems: Problem[] = [];
  for (const [slide, plan] of input.planned) {
    if (plan.kind === 'native') continue;
    const picture = pictures.get(plan.chartId);
    if (picture !== undefined) {
      shapes.set(slide, { kind: 'picture', ...picture, altText: plan.altText });
      continue;
    }
    shapes.set(slide, { kind: 'missing', text: messages.pptxPicturePlaceholder(plan.chartId).message });
    const number = input.slides.indexOf(slide) + 1;
    const title = slide.kind === 'chart' ? slide.title.map((run) => run.text).join('') : '';
    problems.push({ code: 'browser', ...messages.pptxPictureMissing(number, title) });
  }
  return { shapes, problems };
}
