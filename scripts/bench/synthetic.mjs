// Synthetic datasets of any size, made from the default deck: its rows repeated with unique names and
// figures nudged per copy (so bars, labels and table rows differ), its fields and slides unchanged.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export function makeSyntheticDeck(defaultYaml, rowCount) {
  const data = parse(defaultYaml);
  const base = data.rows;
  const rows = Array.from({ length: rowCount }, (_, index) => {
    const model = base[index % base.length];
    const copy = Math.floor(index / base.length);
    if (copy === 0) return model;
    const scale = 1 + (copy % 17) / 20;
    const nudged = { ...model, name: `${model.name} v${copy + 1}` };
    if (model.product !== undefined) nudged.product = `${model.product} ${copy + 1}`;
    if (model.hardwareCost !== undefined) nudged.hardwareCost = Math.round(model.hardwareCost * scale);
    if (model.units !== undefined) nudged.units = Math.round(model.units * scale);
    // A price and units that disagree with the total only warn; keep them consistent instead.
    if (model.units !== undefined && model.unitPrice !== undefined && model.hardwareCost !== undefined) {
      nudged.hardwareCost = nudged.units * model.unitPrice;
    }
    return nudged;
  });
  return stringify({ ...data, rows }, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function readDefaultDeck(root) {
  return readFileSync(new URL('data/deck.yaml', root), 'utf8');
}
