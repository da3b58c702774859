// Keeps the diary's entries in this browser (kept-record.mjs), as answers-store.mjs keeps the
// plan's answers: one versioned record per site, and a damaged record noticed and removed rather
// than trusted. Entries are stored as the engine returned them (checked, in night order); the
// engine checks them again whenever the page uses them, so a record from older content is
// caught too.

import { keptRecord } from "./kept-record.mjs";

const FORMAT = 1;

/** load() -> {entries, state}: state is "none", "current" or "unreadable" (already removed). */
export function diaryStore() {
  const record = keptRecord("guide-diary");

  return {
    persistent: record.persistent,

    load() {
      const saved = record.read();
      if (saved === null) return { entries: [], state: "none" };
      if (!isSaved(saved)) {
        record.clear();
        return { entries: [], state: "unreadable" };
      }
      return { entries: saved.entries, state: "current" };
    },

    save(entries) {
      record.write({ format: FORMAT, entries });
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
    Array.isArray(value.entries) &&
    value.entries.every((entry) => entry !== null && typeof entry === "object" && !Array.isArray(entry))
  );
}
