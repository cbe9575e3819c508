// The spreadsheet readers behind one module, so a deck whose rows are in its YAML never loads them; the bundled
// CLI keeps them in a file of their own (scripts/bundle-cli.mjs), required on a deck's first spreadsheet.
export { parse as parseCsv } from 'csv-parse/sync';
export { readSheet } from 'read-excel-file/node';
export { strFromU8, unzipSync } from 'fflate';
