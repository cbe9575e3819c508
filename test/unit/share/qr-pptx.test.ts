import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportPptx } from '../../../src/commands/pptx.js';
import { encodeQrCode } from '../../../src/share/qr-code.js';
import { encodeQrPng } from '../../../src/share/qr-png.js';
import { createTestOptions, readDefaultText } from '../../helpers.js';
import { decodeQrPng } from '../../qr-decode.js';

const URL = 'https://ana-lema.github.io/costos-modelos/';
const NO_BROWSER = { CHROME_PATH: '/nonexistent/chrome', PATH: '' };

describe('the QR code as a PNG', () => {
  it.each([URL, 'https://profesores.example.edu.ec/~lema/2025/costos-relacionados-a-los-modelos-de-lenguaje/index.html'])(
    'scans back to %s',
    async (url) => {
      expect(decodeQrPng(encodeQrPng(await encodeQrCode(url)))).toBe(url);
    },
  );
});

describe('datadeck pptx with meta.qr', () => {
  it('puts the code on the first and last slides as a PNG picture that scans back to the address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-qr-pptx-'));
    writeFileSync(join(dir, 'deck.yaml'), readDefaultText().replace(/^ {2}theme: aula$/m, '  theme: aula\n  qr: true'));
    const result = await exportPptx({
      build: createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: dir, url: URL }),
      env: NO_BROWSER,
    });
    const zip = await JSZip.loadAsync(readFileSync(result.outFile));
    const media = Object.keys(zip.files).filter((name) => /^ppt\/media\/.*\.png$/.test(name));
    const codes = new Map<string, string | undefined>();
    for (const name of media)
      codes.set(name.split('/').pop() ?? '', decodeQrPng((await zip.files[name]?.async('uint8array')) ?? new Uint8Array()));
    const qrImages = [...codes].filter(([, text]) => text === URL).map(([name]) => name);
    expect(qrImages.length).toBeGreaterThan(0);
    // Which slides show it: their relationships name the picture.
    const slideCount = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
    const showing: number[] = [];
    for (let number = 1; number <= slideCount; number += 1) {
      const rels = (await zip.files[`ppt/slides/_rels/slide${number}.xml.rels`]?.async('string')) ?? '';
      if (qrImages.some((name) => rels.includes(name))) showing.push(number);
    }
    expect(showing).toEqual([1, slideCount]);
    const last = (await zip.files[`ppt/slides/slide${slideCount}.xml`]?.async('string')) ?? '';
    expect(last).toContain('ana-lema.github.io/costos-modelos/');
  });
});
