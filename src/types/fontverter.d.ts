// fontverter ships no types: the one call datadeck makes.
declare module 'fontverter' {
  const fontverter: {
    /** The font in another container: 'truetype' unpacks a WOFF or WOFF2 file to a plain sfnt. */
    convert(font: Buffer, format: 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
  };
  export default fontverter;
}
