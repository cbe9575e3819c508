// The QR code encoder behind one module, so a deck without a QR code never loads it; the bundled CLI keeps it in a
// file of its own (scripts/bundle-cli.mjs), required by the first deck that shows a code.
export { default as qrcode } from 'qrcode-generator';
