// A minimal .xlsx writer for the example and fixture workbooks: the same cells give the same bytes (fixed zip
// dates, no app metadata), so the committed files can be checked against this script. Cells: a string, a number,
// null (empty), { date: 'YYYY-MM-DD' } (a date cell, as Excel stores it: a day number with a date format),
// { percent: 0.45 } (a number formatted as a percent, shown "45%"), or
// { formula: 'B2*C2', value?: number } (a formula, with or without the value the spreadsheet computed), or
// { formula: 'B2/C2', error: '#DIV/0!' } (a formula whose value is an error).
import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument';
// 1980-01-01, the earliest date a zip stores: a fixed date keeps the bytes the same on every run.
const ZIP_DATE = new Date(1980, 0, 1);

/** @param {{ sheets: { name: string, rows: unknown[][] }[] }} workbook @returns {Uint8Array} */
export function writeXlsx(workbook) {
  const { sheets } = workbook;
  const files = {
    '[Content_Types].xml': xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.spreadsheetml.styles+xml"/>${sheets
        .map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>${sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${PACKAGE_RELS}">${sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${RELS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    // Style 1 is numFmtId 14, the short date: what makes a day number a date cell; style 2 is 9, a percent (0%).
    'xl/styles.xml': xml(
      `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = xml(
      `<worksheet xmlns="${MAIN}"><sheetData>${sheet.rows.map(writeRow).join('')}</sheetData></worksheet>`,
    );
  });
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: ZIP_DATE }]])), { level: 6 });
}

function writeRow(cells, rowIndex) {
  const number = rowIndex + 1;
  const written = cells.map((cell, column) => writeCell(cell, `${columnName(column)}${number}`)).join('');
  return `<row r="${number}">${written}</row>`;
}

function writeCell(cell, ref) {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  if ('percent' in cell) return `<c r="${ref}" s="2"><v>${cell.percent}</v></c>`;
  if ('date' in cell) return `<c r="${ref}" s="1"><v>${excelDay(cell.date)}</v></c>`;
  if ('error' in cell) return `<c r="${ref}" t="e"><f>${escapeXml(cell.formula)}</f><v>${escapeXml(cell.error)}</v></c>`;
  if ('formula' in cell)
    return `<c r="${ref}"><f>${escapeXml(cell.formula)}</f>${cell.value === undefined ? '' : `<v>${cell.value}</v>`}</c>`;
  throw new Error(`unknown cell ${JSON.stringify(cell)}`);
}

/** Days since 1899-12-30, Excel's day zero (which counts 1900 as a leap year). */
function excelDay(iso) {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function columnName(index) {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

function xml(body) {
  return strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
