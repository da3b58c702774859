// Keeps the plan builder's answers in this browser (kept-record.mjs), so a reload or a return
// visit never loses them. Saved answers carry the questionnaire's version: answers saved under
// another version are handed back marked "stale", for the caller to check before trusting them.

import { keptRecord } from "./kept-record.mjs";

const FORMAT = 1;

/**
 * The store for one questionnaire version.
 * load() -> {answers, view, state}: state is "none", "current", "stale" (another version) or
 * "unreadable" (damaged; already removed).
 */
export function answersStore(version) {
  const record = keptRecord("guide-plan-answers");

  return {
    persistent: record.persistent,

    load() {
      const saved = record.read();
      if (saved === null) return { answers: {}, view: "form", state: "none" };
      if (!isSaved(saved)) {
        record.clear();
        return { answers: {}, view: "form", state: "unreadable" };
      }
      const state = saved.questionnaire === version ? "current" : "stale";
      return { answers: saved.answers, view: saved.view === "plan" ? "plan" : "form", state };
    },

    save(answers, view = "form") {
      record.write({ format: FORMAT, questionnaire: version, view, answers });
    },

    clear() {
      record.clear();
    },
  };
}

function isSaved(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    value.format === FORMAT &&
    typeof value.questionnaire === "string" &&
    value.answers !== null &&
    typeof value.answers === "object" &&
    !Array.isArray(value.answers)
  );
}
