// The front ends are written against React's API and run on Preact's (preact/compat): the web build
// (vite.config.ts) and the unit tests of web modules (vitest.config.ts) resolve `react` and
// `react-dom` to it alike, so a test runs the code a browser runs.
export const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react(-dom)?$/, replacement: 'preact/compat' },
];
