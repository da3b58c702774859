// The diary page's words. Unlike the plan builder's (wording.mjs), none is written here: they
// are content (content/diary.yml, `page.script`), which the page gives this script in the
// diary's data-i18n attribute, with dotted keys ("status.ready"). This module lists every key
// the script uses; words that lack one, or carry one it does not know, are a mistake in the
// content or the code, and the page stops with an error that names them instead of showing
// nothing. (The build checks the same list against the content's schema: a test compares them.)

export const DIARY_TEXT_KEYS = Object.freeze([
  "status.loading",
  "status.slow",
  "status.waiting",
  "status.ready",
  "status.failed",
  "problem.notStarted",
  "problem.crashed",
  "errors.title",
  "errors.prefix",
  "tonight.mat",
  "tonight.rest",
  "tonight.stopped",
  "tonight.none",
  "notice.saved",
  "notice.deletedNight",
  "notice.deleted",
  "notice.imported",
  "notice.cancelled",
  "notice.unreadable",
  "notice.removed",
  "import.missing",
  "import.problems",
  "import.preview",
  "import.empty",
  "delete.confirm",
]);

/**
 * The page's `text(key, values)`: the words for `key`, with each {name} replaced by
 * `values[name]`. Throws at once if `json` (the data-i18n text) does not hold exactly the keys
 * above, and for any other key later.
 */
export function diaryWording(json) {
  const words = JSON.parse(json || "{}");
  const missing = DIARY_TEXT_KEYS.filter((key) => typeof words[key] !== "string" || !words[key]);
  const unknown = Object.keys(words).filter((key) => !DIARY_TEXT_KEYS.includes(key));
  if (missing.length || unknown.length) {
    const parts = [];
    if (missing.length) parts.push(`missing ${missing.join(", ")}`);
    if (unknown.length) parts.push(`unknown ${unknown.join(", ")}`);
    throw new Error(`diary: the page's words (content/diary.yml page.script) have ${parts.join("; ")}`);
  }
  return function text(key, values = {}) {
    if (!Object.hasOwn(words, key)) throw new Error(`diary: no text for "${key}"`);
    return words[key].replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  };
}
