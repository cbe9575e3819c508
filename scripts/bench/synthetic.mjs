// Synthetic datasets of any size, made from the default deck: its models repeated with unique names and
// figures nudged per copy (so bars, labels and table rows differ), its slides unchanged.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export function makeSyntheticDeck(defaultYaml, modelCount) {
  const data = parse(defaultYaml);
  const base = data.models;
  const models = Array.from({ length: modelCount }, (_, index) => {
    const model = base[index % base.length];
    const copy = Math.floor(index / base.length);
    if (copy === 0) return model;
    const scale = 1 + (copy % 17) / 20;
    const nudged = { ...model, name: `${model.name} v${copy + 1}` };
    if (model.product !== undefined) nudged.product = `${model.product} ${copy + 1}`;
    if (model.hardwareCostUsd !== undefined) nudged.hardwareCostUsd = Math.round(model.hardwareCostUsd * scale);
    if (model.units !== undefined) nudged.units = Math.round(model.units * scale);
    // A price and units that disagree with the total only warn; keep them consistent instead.
    if (model.units !== undefined && model.unitPriceUsd !== undefined && model.hardwareCostUsd !== undefined) {
      nudged.hardwareCostUsd = nudged.units * model.unitPriceUsd;
    }
    return nudged;
  });
  return stringify({ ...data, models }, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function readDefaultDeck(root) {
  return readFileSync(new URL('data/deck.yaml', root), 'utf8');
}
