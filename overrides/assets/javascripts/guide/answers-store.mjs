// Keeps the plan builder's answers in this browser, and nowhere else, so a reload or a return
// visit never loses them. Saved answers carry the questionnaire's version: answers saved under
// another version are handed back marked "stale", for the caller to check before trusting them.
// If the browser blocks storage (private modes, strict settings), answers live in memory for as
// long as the page does, and `persistent` says so, so the page can tell the person.

const FORMAT = 1;
// One origin can hold several GitHub Pages sites: the site's own path keeps their keys apart.
const SITE_PATH = new URL("../../../", import.meta.url).pathname;
export const STORAGE_KEY = `guide-plan-answers:${SITE_PATH}`;

const memory = new Map(); // outlives Material's instant navigation, not a reload

function browserStorage() {
  try {
    const storage = window.localStorage; // reading the property itself throws when blocked
    const probe = `${STORAGE_KEY}:probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The store for one questionnaire version.
 * load() -> {answers, view, state}: state is "none", "current", "stale" (another version) or
 * "unreadable" (damaged; already removed).
 */
export function answersStore(version) {
  const storage = browserStorage();

  function read() {
    try {
      return storage ? storage.getItem(STORAGE_KEY) : (memory.get(STORAGE_KEY) ?? null);
    } catch {
      return null;
    }
  }

  function write(text) {
    if (!storage) {
      memory.set(STORAGE_KEY, text);
      return;
    }
    try {
      storage.setItem(STORAGE_KEY, text);
    } catch {
      memory.set(STORAGE_KEY, text); // full or revoked: keep going in memory
    }
  }

  return {
    persistent: storage !== null,

    load() {
      const text = read();
      if (text === null) return { answers: {}, view: "form", state: "none" };
      let saved;
      try {
        saved = JSON.parse(text);
      } catch {
        saved = null;
      }
      if (!isSaved(saved)) {
        this.clear();
        return { answers: {}, view: "form", state: "unreadable" };
      }
      const state = saved.questionnaire === version ? "current" : "stale";
      return { answers: saved.answers, view: saved.view === "plan" ? "plan" : "form", state };
    },

    save(answers, view = "form") {
      write(JSON.stringify({ format: FORMAT, questionnaire: version, view, answers }));
    },

    clear() {
      memory.delete(STORAGE_KEY);
      try {
        storage?.removeItem(STORAGE_KEY);
      } catch {
        // nothing more can be done; memory is already clear
      }
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
