import type PptxGenJS from 'pptxgenjs';
import { assertNever } from '../model.js';
import type { NativeChart } from './native-charts.js';
import type { PptxSlide, PptxTable, Runs } from './plan-slides.js';
import type { PptxTheme } from './pptx-theme.js';

type Slide = PptxGenJS.default.Slide;
type TextProps = PptxGenJS.default.TextProps;
type TextOptions = PptxGenJS.default.TextPropsOptions;

/** A chart slide's chart as drawn: native, a PNG of the deck's SVG, or the one line saying why it is missing. */
export type ChartShape =
  | { readonly kind: 'native'; readonly chart: NativeChart }
  | { readonly kind: 'picture'; readonly png: Uint8Array; readonly width: number; readonly height: number; readonly altText: string }
  | { readonly kind: 'missing'; readonly text: string };

export interface DrawContext {
  readonly theme: PptxTheme;
  /** The deck's language as PowerPoint names it ("es-ES"): spelling checks the right dictionary. */
  readonly lang: string;
  readonly charts: ReadonlyMap<PptxSlide, ChartShape>;
  /** Inches kept free at the right edge: the QR code's column on the slides that show it. */
  readonly reservedRight?: number | undefined;
}

// LAYOUT_WIDE is 13.333 × 7.5 in: the deck's 1280 × 720 px at 96 px an inch. Sizes below are the theme's, in pt.
const WIDTH = 13.333;
const MARGIN = 0.6;
const BODY_W = WIDTH - 2 * MARGIN;
const BODY_Y = 1.55;
const BODY_H = 5.5;

function bodyWidth(context: DrawContext): number {
  return BODY_W - (context.reservedRight ?? 0);
}

export function drawSlide(slide: Slide, plan: PptxSlide, context: DrawContext): void {
  if (plan.notes !== undefined) slide.addNotes(plan.notes);
  switch (plan.kind) {
    case 'title':
      return drawTitle(slide, plan, context);
    case 'text':
      return drawText(slide, plan, context);
    case 'definitions':
      return drawDefinitions(slide, plan, context);
    case 'conclusions':
      return drawConclusions(slide, plan, context);
    case 'sources':
      return drawSources(slide, plan, context);
    case 'table':
      return drawTable(slide, plan, context);
    case 'chart':
      return drawChart(slide, plan, context);
    default:
      return assertNever(plan);
  }
}

/**
 * Paragraphs of runs as pptxgenjs text: the last run of each ends its line. pptxgenjs starts a paragraph at every run
 * that has a bullet, so only a paragraph's first run carries it (a bold figure mid-sentence stays in its sentence).
 */
function paragraphs(items: readonly Runs[], context: DrawContext, options: TextOptions = {}): TextProps[] {
  const { bullet, ...runOptions } = options;
  return items.flatMap((runs, index) =>
    runs.map((run, runIndex) => ({
      text: run.text,
      options: {
        ...runOptions,
        ...(runIndex === 0 && bullet !== undefined ? { bullet } : {}),
        lang: context.lang,
        bold: run.isBold || options.bold === true,
        breakLine: runIndex === runs.length - 1 && index < items.length - 1,
      },
    })),
  );
}

function textBox(context: DrawContext, box: { x: number; y: number; w: number; h: number }, options: TextOptions = {}): TextOptions {
  return { ...box, fontFace: context.theme.font, color: context.theme.text, valign: 'top', margin: 0, fit: 'shrink', ...options };
}

function drawHeader(slide: Slide, title: Runs, context: DrawContext, suffix?: string): void {
  const { theme } = context;
  const runs = [
    ...paragraphs([title], context, { bold: true }),
    ...(suffix === undefined
      ? []
      : [{ text: ` ${suffix}`, options: { lang: context.lang, bold: false, color: theme.muted, fontSize: 21 } }]),
  ];
  slide.addText(
    runs,
    textBox(context, { x: MARGIN, y: 0.35, w: bodyWidth(context), h: 0.85 }, { fontSize: 34, color: theme.heading, valign: 'bottom' }),
  );
  slide.addShape('rect', { x: MARGIN, y: 1.27, w: 1, h: 0.06, fill: { color: theme.accent }, line: { color: theme.accent, width: 0 } });
}

/** The muted line under a slide's header, when it has one; returns where the body starts below it. */
function drawLead(slide: Slide, lead: Runs | undefined, context: DrawContext, box: { h: number; fontSize: number; gap: number }): number {
  if (lead === undefined) return BODY_Y;
  slide.addText(
    paragraphs([lead], context),
    textBox(context, { x: MARGIN, y: BODY_Y, w: bodyWidth(context), h: box.h }, { fontSize: box.fontSize, color: context.theme.muted }),
  );
  return BODY_Y + box.h + box.gap;
}

function drawTitle(slide: Slide, plan: Extract<PptxSlide, { kind: 'title' }>, context: DrawContext): void {
  const { theme } = context;
  slide.addShape('rect', { x: 0, y: 0, w: 0.29, h: 7.5, fill: { color: theme.heading }, line: { color: theme.heading, width: 0 } });
  const x = 1.1;
  const w = WIDTH - x - MARGIN - (context.reservedRight ?? 0);
  if (plan.eyebrow !== undefined)
    slide.addText(
      paragraphs([plan.eyebrow], context, { bold: true, charSpacing: 2 }),
      textBox(context, { x, y: 1.2, w, h: 0.45 }, { fontSize: 18, color: theme.accent }),
    );
  slide.addText(
    paragraphs([plan.title], context, { bold: true }),
    textBox(context, { x, y: 1.75, w, h: 2.0 }, { fontSize: 48, color: theme.heading, valign: 'bottom' }),
  );
  if (plan.subtitle !== undefined)
    slide.addText(paragraphs([plan.subtitle], context), textBox(context, { x, y: 3.9, w, h: 0.6 }, { fontSize: 25, color: theme.muted }));
  slide.addShape('line', { x, y: 4.85, w, h: 0, line: { color: theme.border, width: 1.5 } });
  const width = w / Math.max(1, plan.byline.length);
  plan.byline.forEach((item, index) => {
    const label = {
      text: item.label.toLocaleUpperCase(),
      options: { lang: context.lang, bold: true, fontSize: 13, color: theme.muted, breakLine: true },
    };
    slide.addText(
      [label, ...paragraphs([item.value], context, { fontSize: 19, bold: true })],
      textBox(context, { x: x + index * width, y: 5.05, w: width - 0.2, h: 1.0 }),
    );
  });
}

function drawText(slide: Slide, plan: Extract<PptxSlide, { kind: 'text' }>, context: DrawContext): void {
  const { theme } = context;
  drawHeader(slide, plan.title, context);
  const y = drawLead(slide, plan.lead, context, { h: 0.6, fontSize: 24, gap: 0.15 });
  const footerH = plan.footer === undefined ? 0 : 1.0;
  const bullet = plan.list === 'numbers' ? { type: 'number' as const } : plan.list === 'bullets' ? { indent: 24 } : undefined;
  const size = plan.list === 'none' ? 23 : 22;
  slide.addText(
    paragraphs(plan.paragraphs, context, { ...(bullet === undefined ? {} : { bullet }), paraSpaceAfter: 12 }),
    textBox(context, { x: MARGIN, y, w: bodyWidth(context), h: BODY_Y + BODY_H - y - footerH }, { fontSize: size }),
  );
  if (plan.footer !== undefined) {
    slide.addText(
      paragraphs([plan.footer], context),
      textBox(
        context,
        { x: MARGIN, y: BODY_Y + BODY_H - 0.9, w: bodyWidth(context), h: 0.9 },
        { fontSize: 18, fill: { color: theme.surface }, margin: 10, valign: 'middle' },
      ),
    );
  }
}

function drawDefinitions(slide: Slide, plan: Extract<PptxSlide, { kind: 'definitions' }>, context: DrawContext): void {
  const { theme } = context;
  drawHeader(slide, plan.title, context);
  const y = drawLead(slide, plan.lead, context, { h: 0.5, fontSize: 19, gap: 0.1 });
  const gap = 0.3;
  const count = Math.max(1, plan.cards.length);
  const w = (bodyWidth(context) - gap * (count - 1)) / count;
  const h = BODY_Y + BODY_H - y - (plan.takeaway === undefined ? 0 : 0.85);
  plan.cards.forEach((card, index) => {
    const x = MARGIN + index * (w + gap);
    const border = index % 2 === 1 ? theme.accent : theme.primary;
    slide.addShape('rect', { x, y, w, h: 0.07, fill: { color: border }, line: { color: border, width: 0 } });
    const term = paragraphs([card.term], context, { bold: true, fontSize: 22, color: theme.heading, paraSpaceAfter: 6 });
    const body = paragraphs(card.paragraphs, context, { fontSize: 16, paraSpaceAfter: 6 });
    const first = term.at(-1);
    if (first !== undefined) first.options = { ...first.options, breakLine: true };
    slide.addText([...term, ...body], textBox(context, { x, y: y + 0.07, w, h: h - 0.17 }, { fill: { color: theme.surface }, margin: 12 }));
  });
  if (plan.takeaway !== undefined) {
    const runs = [
      { text: '', isBold: true },
      ...plan.takeaway.label.map((run) => ({ ...run, isBold: true })),
      { text: ': ', isBold: true },
      ...plan.takeaway.text,
    ].filter((run) => run.text !== '');
    slide.addText(
      paragraphs([runs], context),
      textBox(
        context,
        { x: MARGIN, y: BODY_Y + BODY_H - 0.75, w: bodyWidth(context), h: 0.7 },
        { fontSize: 17, fill: { color: 'FFF7ED' }, margin: 10, valign: 'middle' },
      ),
    );
  }
}

function drawConclusions(slide: Slide, plan: Extract<PptxSlide, { kind: 'conclusions' }>, context: DrawContext): void {
  const { theme } = context;
  drawHeader(slide, plan.title, context);
  const boxW = plan.box === undefined ? 0 : 4.6;
  const proseW = bodyWidth(context) - (boxW === 0 ? 0 : boxW + 0.35);
  slide.addText(
    paragraphs(plan.paragraphs, context, { paraSpaceAfter: 10 }),
    textBox(context, { x: MARGIN, y: BODY_Y, w: proseW, h: BODY_H }, { fontSize: plan.box === undefined ? 23 : 17 }),
  );
  if (plan.box === undefined) return;
  const title = paragraphs([plan.box.title], context, { bold: true, fontSize: 17, color: theme.accent, charSpacing: 1, paraSpaceAfter: 8 });
  const last = title.at(-1);
  if (last !== undefined) last.options = { ...last.options, breakLine: true };
  const items = paragraphs(plan.box.items, context, { fontSize: 15, bullet: { indent: 14 }, paraSpaceAfter: 8 });
  slide.addText(
    [...title, ...items],
    textBox(
      context,
      { x: MARGIN + proseW + 0.35, y: BODY_Y, w: boxW, h: BODY_H },
      { fill: { color: theme.surface }, margin: 14, line: { color: theme.border, width: 1 } },
    ),
  );
}

function drawSources(slide: Slide, plan: Extract<PptxSlide, { kind: 'sources' }>, context: DrawContext): void {
  const { theme } = context;
  drawHeader(slide, plan.title, context);
  const y = drawLead(slide, plan.lead, context, { h: 0.6, fontSize: 22, gap: 0.1 });
  const lines: TextProps[] = plan.sources.flatMap((source, index) => {
    const link = { url: source.url }; // pptxgenjs escapes a text link's address (not an image's: none here)
    const title = source.title.map((run, runIndex) => ({
      text: run.text,
      options: {
        lang: context.lang,
        bold: run.isBold,
        color: theme.primary,
        hyperlink: link,
        breakLine: runIndex === source.title.length - 1,
      },
    }));
    const address = {
      text: source.url,
      options: { lang: context.lang, breakLine: index < plan.sources.length - 1, fontSize: 13, color: theme.muted, paraSpaceAfter: 10 },
    };
    return [...title, address];
  });
  slide.addText(lines, textBox(context, { x: MARGIN, y, w: bodyWidth(context), h: BODY_Y + BODY_H - y }, { fontSize: 18 }));
}

function drawTable(slide: Slide, plan: Extract<PptxSlide, { kind: 'table' }>, context: DrawContext): void {
  const { theme } = context;
  drawHeader(slide, plan.title, context, plan.continued);
  slide.addTable(tableRows(plan.table, context), {
    x: MARGIN,
    y: BODY_Y,
    w: bodyWidth(context),
    colW: columnWidths(plan.table, bodyWidth(context)),
    fontFace: theme.font,
    fontSize: 11,
    color: theme.text,
    valign: 'top',
    margin: 0.06,
    border: { type: 'solid', color: theme.border, pt: 0.75 },
    autoPage: false,
  });
  if (plan.footer !== undefined) {
    const options = plan.footer.isContinues ? { align: 'right' as const, color: theme.accent, bold: true } : { color: theme.muted };
    slide.addText(
      paragraphs([plan.footer.text], context, options.bold === true ? { bold: true } : {}),
      textBox(context, { x: MARGIN, y: 6.7, w: bodyWidth(context), h: 0.45 }, { fontSize: 13, ...options }),
    );
  }
}

function tableRows(table: PptxTable, context: DrawContext): PptxGenJS.default.TableRow[] {
  const { theme } = context;
  const header = table.columns.map((column) => ({
    text: column.label,
    options: {
      bold: true,
      color: 'FFFFFF',
      fill: { color: theme.heading },
      align: column.isRight ? ('right' as const) : ('left' as const),
      lang: context.lang,
    },
  }));
  const rows = table.rows.map((cells, rowIndex) =>
    cells.map((text, index) => ({
      text,
      options: {
        align: table.columns[index]?.isRight === true ? ('right' as const) : ('left' as const),
        ...(index === 0 ? { bold: true, color: theme.heading } : {}),
        fill: { color: rowIndex % 2 === 1 ? theme.surface : theme.background },
        lang: context.lang,
      },
    })),
  );
  return [header, ...rows];
}

/** The deck's column shares of the table's width, in inches; columns without a share split what is left. */
function columnWidths(table: PptxTable, width: number): number[] {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  return table.columns.map((column) => width * (total > 0 ? column.width / total : 1 / Math.max(1, table.columns.length)));
}

function drawChart(slide: Slide, plan: Extract<PptxSlide, { kind: 'chart' }>, context: DrawContext): void {
  const { theme } = context;
  drawHeader(slide, plan.title, context);
  const captionH = plan.caption === undefined ? 0 : 0.5;
  const box = { x: MARGIN, y: BODY_Y, w: bodyWidth(context), h: BODY_H - captionH - 0.1 };
  const shape = context.charts.get(plan);
  if (shape?.kind === 'native') slide.addChart(shape.chart.type, shape.chart.data, { ...box, ...shape.chart.options });
  else if (shape?.kind === 'picture') {
    // Fitted into the box at the SVG's own proportions, centred.
    const scale = Math.min(box.w / shape.width, box.h / shape.height);
    const [w, h] = [shape.width * scale, shape.height * scale];
    slide.addImage({
      data: `image/png;base64,${Buffer.from(shape.png).toString('base64')}`,
      x: box.x + (box.w - w) / 2,
      y: box.y + (box.h - h) / 2,
      w,
      h,
      altText: shape.altText,
    });
  } else {
    slide.addText(
      shape?.text ?? '',
      textBox(context, box, { fontSize: 16, color: theme.muted, align: 'center', valign: 'middle', fill: { color: theme.surface } }),
    );
  }
  if (plan.caption !== undefined)
    slide.addText(
      paragraphs([plan.caption], context),
      textBox(
        context,
        { x: MARGIN, y: BODY_Y + BODY_H - captionH, w: bodyWidth(context), h: captionH },
        { fontSize: 14, color: theme.muted },
      ),
    );
}
