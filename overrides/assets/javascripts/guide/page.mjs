// Loaded on every page but light: it only wires page code through Material's `document$`, which
// fires on the first load and after each instant navigation. Pyodide is fetched only when a page
// with a plan builder or a diary is shown.
const PAGE_CODE = [
  ["[data-plan-builder]", "./plan-builder.mjs", "startPlanBuilder"],
  ["[data-diary]", "./diary-page.mjs", "startDiary"],
];

function onPageShown() {
  for (const [selector, module, start] of PAGE_CODE) {
    const root = document.querySelector(selector);
    if (root && !root.dataset.started) {
      root.dataset.started = "true";
      import(new URL(module, import.meta.url).href).then((code) => code[start](root));
    }
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(onPageShown);
} else {
  onPageShown();
}
