import type { RevealApi } from 'reveal.js';
import type * as Axe from 'axe-core';

// Globals of the page under test, reached inside page.evaluate() callbacks: the deck's inlined reveal.js, and
// axe-core once a test has evaluated it into the page.
declare global {
  // isScrollView() exists in reveal 6 but is missing from its type definitions.
  var Reveal: RevealApi & { isScrollView(): boolean };
  var axe: typeof Axe | undefined;
}
