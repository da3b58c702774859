// Every string the plan builder's script puts on the page, with its default wording, in one
// place (as GOV.UK Frontend gives each component a frozen `i18n` config). The page may replace
// any of them with a JSON object in the builder's data-i18n attribute. A key that is not here,
// in code or in data-i18n, is a mistake, and it fails loudly instead of showing nothing.
// The tests read these defaults (tests/browser/wording.py), so they never copy them.

export const DEFAULT_TEXT = Object.freeze({
  "status.loading": "The plan builder is getting ready in your browser…",
  "status.slow":
    "The plan builder is still getting ready. The first time, it downloads the files it needs, which can take a minute on a slow connection.",
  "status.waiting": "Your plan will appear here once the plan builder has started.",
  "status.ready": "The plan builder is ready. Your answers stay on this device.",
  "status.failed": "The plan builder is not working at the moment.",
  "problem.notStarted": "The plan builder cannot start in this browser",
  "problem.crashed": "The plan builder stopped working",
  "notice.unreadable":
    "Your saved answers could not be read, so they have been removed. Answer the questions again.",
  "notice.stale":
    "The questions have changed since you saved your answers. These answers no longer fit and have been removed:",
  "notice.removedQuestion": "Answers to questions that are no longer asked",
  "notice.badLink":
    "The link you followed is incomplete or damaged, so its answers could not be opened. Check that you copied all of it, or answer the questions below.",
  "notice.deleted": "Your answers have been deleted from this device.",
  "errors.title": "There is a problem",
  "errors.prefix": "Error:",
  "copy.copied": "Link copied.",
  "copy.select": "The link is selected: copy it with your device's copy command.",
});

/** The wording for a page: DEFAULT_TEXT with the overrides given (an object or JSON text). */
export function wording(overrides = {}) {
  const replaced = typeof overrides === "string" ? JSON.parse(overrides || "{}") : overrides;
  for (const key of Object.keys(replaced)) {
    if (!Object.hasOwn(DEFAULT_TEXT, key)) throw new Error(`plan builder: unknown text "${key}"`);
  }
  const texts = Object.freeze({ ...DEFAULT_TEXT, ...replaced });
  return function text(key) {
    if (!Object.hasOwn(texts, key) || typeof texts[key] !== "string" || texts[key] === "") {
      throw new Error(`plan builder: no text for "${key}"`);
    }
    return texts[key];
  };
}
