// Loaded on every page but light: it only wires page code through Material's `document$`, which
// fires on the first load and after each instant navigation. Pyodide is fetched only when a page
// with a plan builder is shown.
const planBuilderModule = new URL("./plan-builder.mjs", import.meta.url).href;

function onPageShown() {
  const root = document.querySelector("[data-plan-builder]");
  if (root && !root.dataset.started) {
    root.dataset.started = "true";
    import(planBuilderModule).then(({ startPlanBuilder }) => startPlanBuilder(root));
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(onPageShown);
} else {
  onPageShown();
}
