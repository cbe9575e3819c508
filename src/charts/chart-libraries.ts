// vega and vega-lite behind one module, so the bundled CLI loads them as one lazily required file.
export * as vega from 'vega';
export * as vegaLite from 'vega-lite';
