// citation-js and citeproc-js ship no types; these are the parts of their APIs datadeck calls (see their READMEs).
declare module '@citation-js/core' {
  interface ChainOptions {
    readonly forceType?: string;
    readonly target?: string;
    readonly generateGraph?: boolean;
  }
  export const plugins: { readonly input: { readonly chain: (input: unknown, options: ChainOptions) => unknown } };
}

declare module '@citation-js/plugin-bibtex' {}

declare module 'citeproc' {
  interface CiteprocSys {
    readonly retrieveLocale: (language: string) => string;
    readonly retrieveItem: (id: string) => unknown;
  }
  interface CiteprocEngine {
    setOutputFormat(format: 'html' | 'text'): void;
    updateItems(ids: readonly string[]): void;
    makeBibliography(): [unknown, string[]] | false;
    makeCitationCluster(items: readonly { readonly id: string }[]): string;
  }
  const CSL: { readonly Engine: new (sys: CiteprocSys, style: string, language: string, forceLanguage: boolean) => CiteprocEngine };
  export default CSL;
}
