import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DatasetSchema } from '../../../src/data/deck-schema.js';
import { renderCharts } from '../../../src/charts/charts.js';
import { deriveDeck } from '../../../src/data/derive.js';
import { ROOT, readDefaultText } from '../../helpers.js';

const readJson = (path: string): unknown => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8'));
const specs = new Map(
  readdirSync(`${ROOT}templates/charts`)
    .filter((file) => file.endsWith('.vl.json'))
    .map((file) => [file.replace(/\.vl\.json$/, ''), readJson(`templates/charts/${file}`)]),
);
const config = readJson('templates/themes/aula.vl-config.json');

describe('charts of a deck with more models than a slide can label', () => {
  it('draw the 20 largest, say so on the axis, and keep every model in the text alternative', async () => {
    const dataset = DatasetSchema.parse(parse(readDefaultText()));
    const models = Array.from({ length: 30 }, (_, index) => {
      const model = dataset.models[index % dataset.models.length];
      if (model === undefined) throw new Error('the default deck has no models');
      return { ...model, name: `${model.name} #${index + 1}`, hardwareCostUsd: 1_000_000 * (index + 1) };
    });
    const charts = await renderCharts({ deck: deriveDeck({ ...dataset, models }), specs, config });
    const cost = charts.get('hardware-cost');
    const bars = /<g class="mark-rect[^>]*>(.*?)<\/g>/.exec(cost?.svg ?? '')?.[1] ?? '';
    expect(bars.match(/<path /g)).toHaveLength(20);
    expect(cost?.svg).toContain('Millones de US$ · los 20 mayores de 30');
    expect(cost?.svg).toContain('>Llama 3 #30<');
    expect(cost?.svg).not.toContain('>GPT-4 #1<');
    expect(cost?.table.rows).toHaveLength(30);
    for (const chart of charts.values()) expect(chart.svg.match(/<text[^>]*>[^<]*·[^<]*<\/text>/g)).toHaveLength(1);
  });
});
