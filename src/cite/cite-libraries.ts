// citation-js (BibTeX) and citeproc-js (CSL styles) behind one module, so a deck without references never loads them;
// the bundled CLI keeps them in a file of their own (scripts/bundle-cli.mjs), required on a deck's first reference.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';

export { default as CSL } from 'citeproc';

/** BibTeX or BibLaTeX text → CSL-JSON items; throws citation-js' syntax error ("invalid syntax at line 12 col 1"). */
export function parseBibtex(text: string): unknown {
  return plugins.input.chain(text, { forceType: '@biblatex/text', target: '@csl/list+object', generateGraph: false });
}
