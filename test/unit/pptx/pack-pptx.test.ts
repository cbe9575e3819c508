import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fixCoreProperties, keepFirstParagraphProperties } from '../../../src/pptx/pack-pptx.js';
import { crc32, writeZip } from '../../../src/pptx/write-zip.js';
import { toRuns } from '../../../src/pptx/plan-slides.js';
import { readPptxTheme, toHex } from '../../../src/pptx/pptx-theme.js';

describe('writeZip', () => {
  it('writes a zip any reader opens, with the names, contents and date given', async () => {
    const date = new Date('2025-11-02T12:00:00Z');
    const bytes = writeZip(
      [
        { name: '[Content_Types].xml', data: Buffer.from('<a/>') },
        { name: 'ppt/ñ.xml', data: Buffer.from('é'.repeat(1000)) },
      ],
      date,
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'ppt/ñ.xml']);
    expect(await zip.file('ppt/ñ.xml')?.async('string')).toBe('é'.repeat(1000));
    expect(zip.file('[Content_Types].xml')?.date.toISOString()).toBe('2025-11-02T12:00:00.000Z');
  });

  it('gives the same bytes for the same entries', () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('same') }];
    const date = new Date('2025-01-01T12:00:00Z');
    expect(writeZip(entries, date).equals(writeZip(entries, date))).toBe(true);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('keepFirstParagraphProperties', () => {
  it("keeps a paragraph's first <a:pPr> (its bullet) and drops the ones pptxgenjs writes before later runs", () => {
    const xml =
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>GPT-4</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t> fue</a:t></a:r></a:p><a:p><a:pPr/><a:r><a:t>b</a:t></a:r></a:p>';
    expect(keepFirstParagraphProperties(xml)).toBe(
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>GPT-4</a:t></a:r><a:r><a:t> fue</a:t></a:r></a:p><a:p><a:pPr/><a:r><a:t>b</a:t></a:r></a:p>',
    );
  });
});

describe('fixCoreProperties', () => {
  it("dates the file with the deck's date and names its language", () => {
    const xml =
      '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T03:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-29T03:00:00Z</dcterms:modified></cp:coreProperties>';
    const fixed = fixCoreProperties(xml, { date: '2025-11-02', language: 'es' }, true);
    expect(fixed).not.toContain('2026');
    expect(fixed.match(/2025-11-02T00:00:00Z/g)).toHaveLength(2);
    expect(fixed).toContain('<dc:language>es</dc:language></cp:coreProperties>');
  });
});

describe('toRuns', () => {
  it("splits the deck's HTML into plain and bold runs, entities decoded", () => {
    expect(toRuns('En total <strong>190 millones</strong> &amp; &lt;b&gt;')).toEqual([
      { text: 'En total ', isBold: false },
      { text: '190 millones', isBold: true },
      { text: ' & <b>', isBold: false },
    ]);
  });
});

describe('readPptxTheme', () => {
  it("reads the theme's colours and font, and the chart palette, as PowerPoint hex", () => {
    const theme = readPptxTheme(':root { --dd-heading: #0b3a66; --dd-accent: #fff; --dd-font: "Source Sans 3", Arial; }', {
      range: { category: ['#d9480f', 'red'] },
    });
    expect(theme).toMatchObject({ heading: '0B3A66', accent: 'FFFFFF', font: 'Source Sans 3', series: ['D9480F'] });
    expect(toHex('var(--x)')).toBeUndefined();
  });
});
