// The synthetic deck of synthetic.mjs with its rows in a CSV file, as Excel exports it in Spanish: ";" between
// cells, decimal commas, thousands points, ranges as "2 a 3", units in the cells. The YAML keeps fields and slides.
import { parse, stringify } from 'yaml';
import { makeSyntheticDeck } from './synthetic.mjs';

export function makeSyntheticSheetDeck(defaultYaml, rowCount, file = 'modelos.csv') {
  const data = parse(makeSyntheticDeck(defaultYaml, rowCount));
  const names = Object.keys(data.fields);
  const header = names.map((name) => data.fields[name].label ?? name);
  const lines = data.rows.map((row) => names.map((name) => writeCell(row[name])).join(';'));
  const csv = `${[header.join(';'), ...lines].join('\r\n')}\r\n`;
  return { yaml: stringify({ ...data, rows: file }, { lineWidth: 0 }), csv };
}

function writeCell(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return `${spanishNumber(value.min)} a ${spanishNumber(value.max)}`;
  if (typeof value === 'number') return spanishNumber(value);
  const text = String(value).replace(/^(\d+(?:\.\d+)?)(?= )/, (number) => spanishNumber(Number(number)));
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function spanishNumber(number) {
  const [whole, fraction] = String(number).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction === undefined ? '' : `,${fraction}`}`;
}
