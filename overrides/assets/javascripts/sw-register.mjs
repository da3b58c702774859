// Registers the site's service worker (sw.js at the site root, so that it covers every page under
// whatever sub-path the site is served from) and asks it to keep the engine for offline use once
// the plan builder's engine has started (engine-client.mjs says so with a "guide:engine-ready"
// event). Loaded on every page, and tiny: article pages never fetch any of the engine.
//
// When the engine is kept, <html> gets data-offline-ready="<release>" and the document receives a
// "guide:offline-ready" event, for any page code that wants to say so.

const workerURL = new URL("../../sw.js", import.meta.url);
const ENGINE_READY_EVENT = "guide:engine-ready"; // engine-client.mjs sends it
const UPDATE_CHECK_MS = 10 * 60 * 1000;

const supported = "serviceWorker" in navigator && window.isSecureContext;

const registration = supported
  ? navigator.serviceWorker.register(workerURL, { updateViaCache: "none" }).catch((error) => {
      console.warn("This site cannot keep an offline copy in this browser:", error.message);
      return null;
    })
  : Promise.resolve(null);

if (supported) {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type !== "engine-kept") return;
    document.documentElement.dataset.offlineReady = data.release;
    document.dispatchEvent(new CustomEvent("guide:offline-ready", { detail: data }));
  });
}

// Asked only once the engine has loaded, so the worker finds its files in the HTTP cache instead
// of downloading them a second time; once per page load is enough.
async function keepEngineOffline() {
  if (!(await registration)) return;
  const { active } = await navigator.serviceWorker.ready;
  active?.postMessage({ type: "keep-engine" });
}

if (supported) document.addEventListener(ENGINE_READY_EVENT, keepEngineOffline, { once: true });

let lastUpdateCheck = Date.now();

// Material's instant navigation changes pages without loading them, so the browser's own update
// check (on each page load) does not run: check now and then, for readers who stay a long time.
function onPageShown() {
  if (Date.now() - lastUpdateCheck > UPDATE_CHECK_MS) {
    lastUpdateCheck = Date.now();
    registration.then((active) => active?.update()).catch(() => {});
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(onPageShown);
} else {
  onPageShown();
}
