// One JSON record kept in this browser, and nowhere else: the plan's answers and the diary each
// keep one. If the browser blocks storage (private modes, strict settings), the record lives in
// memory for as long as the page does, and `persistent` says so, so the page can tell the person.

// One origin can hold several GitHub Pages sites: the site's own path keeps their keys apart.
const SITE_PATH = new URL("../../../", import.meta.url).pathname;

const memory = new Map(); // outlives Material's instant navigation, not a reload

function browserStorage(key) {
  try {
    const storage = window.localStorage; // reading the property itself throws when blocked
    const probe = `${key}:probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The record named `name` for this site.
 * read() -> the stored value; null when there is none; undefined when it is not JSON.
 */
export function keptRecord(name) {
  const key = `${name}:${SITE_PATH}`;
  const storage = browserStorage(key);

  function readText() {
    try {
      return storage ? storage.getItem(key) : (memory.get(key) ?? null);
    } catch {
      return null;
    }
  }

  return {
    persistent: storage !== null,

    read() {
      const text = readText();
      if (text === null) return null;
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    },

    write(value) {
      const text = JSON.stringify(value);
      if (storage) {
        try {
          storage.setItem(key, text);
          return;
        } catch {
          // full or revoked: keep going in memory
        }
      }
      memory.set(key, text);
    },

    clear() {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // nothing more can be done; memory is already clear
      }
    },
  };
}
