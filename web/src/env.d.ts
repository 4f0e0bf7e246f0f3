/// <reference types="vite/client" />

/** The built-in sweeps whose results the page serves under examples/NAME/ (web/exampleSweeps.ts). */
declare module 'virtual:example-sweeps' {
  const examples: readonly { readonly name: string; readonly description: string }[];
  export default examples;
}
