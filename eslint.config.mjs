// ESLint's flat config for the site's own JavaScript (run by `make lint`, so by `make test`).
// ESLint and its rules are pinned in package.json / package-lock.json.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/**", "build/**", "node_modules/**", ".venv/**"] },
  js.configs.recommended,
  {
    rules: {
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "prefer-const": "error",
      "no-var": "error",
    },
  },
  {
    // The page's modules: a browser, with Material's `document$` (its page-change observable).
    files: ["overrides/assets/javascripts/**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { ...globals.browser, document$: "readonly" },
    },
  },
  {
    // Module workers: the engine's, and the tests' stand-in for it.
    files: [
      "overrides/assets/javascripts/guide/engine-worker.mjs",
      "overrides/assets/javascripts/guide/engine-protocol.mjs",
      "tests/support/stand-in-worker.mjs",
    ],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // The service worker: a classic script, with its release manifest written in by the build.
    // Its top-level functions are its own: a service worker has a global scope to itself.
    files: ["overrides/sw.js"],
    languageOptions: { ecmaVersion: 2024, sourceType: "script", globals: globals.serviceworker },
    rules: { "no-implicit-globals": "off" },
  },
  {
    // Node scripts: the tests' Pyodide runner and build helpers.
    files: ["tests/**/*.mjs", "guide_site/**/*.mjs", "scripts/**/*.mjs"],
    ignores: ["tests/support/stand-in-worker.mjs"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: globals.node },
  },
];
