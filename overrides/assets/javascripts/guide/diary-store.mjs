// Keeps the diary's entries in this browser, and nowhere else, as answers-store.mjs keeps the
// plan's answers: one versioned record per site, a memory fallback when the browser blocks
// storage (`persistent` says which), and a damaged record noticed and removed rather than
// trusted. Entries are stored as the engine returned them (checked, in night order); the engine
// checks them again whenever the page uses them, so a record from older content is caught too.

const FORMAT = 1;
// One origin can hold several GitHub Pages sites: the site's own path keeps their keys apart.
const SITE_PATH = new URL("../../../", import.meta.url).pathname;
export const DIARY_STORAGE_KEY = `guide-diary:${SITE_PATH}`;

const memory = new Map(); // outlives Material's instant navigation, not a reload

function browserStorage() {
  try {
    const storage = window.localStorage; // reading the property itself throws when blocked
    const probe = `${DIARY_STORAGE_KEY}:probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** load() -> {entries, state}: state is "none", "current" or "unreadable" (already removed). */
export function diaryStore() {
  const storage = browserStorage();

  function read() {
    try {
      return storage ? storage.getItem(DIARY_STORAGE_KEY) : (memory.get(DIARY_STORAGE_KEY) ?? null);
    } catch {
      return null;
    }
  }

  return {
    persistent: storage !== null,

    load() {
      const text = read();
      if (text === null) return { entries: [], state: "none" };
      let saved;
      try {
        saved = JSON.parse(text);
      } catch {
        saved = null;
      }
      if (!isSaved(saved)) {
        this.clear();
        return { entries: [], state: "unreadable" };
      }
      return { entries: saved.entries, state: "current" };
    },

    save(entries) {
      const text = JSON.stringify({ format: FORMAT, entries });
      if (storage) {
        try {
          storage.setItem(DIARY_STORAGE_KEY, text);
          return;
        } catch {
          // full or revoked: keep going in memory
        }
      }
      memory.set(DIARY_STORAGE_KEY, text);
    },

    clear() {
      memory.delete(DIARY_STORAGE_KEY);
      try {
        storage?.removeItem(DIARY_STORAGE_KEY);
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
    Array.isArray(value.entries) &&
    value.entries.every((entry) => entry !== null && typeof entry === "object" && !Array.isArray(entry))
  );
}
