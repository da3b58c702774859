// The site's service worker: repeat visits come from a local copy, and the guide (the plan builder
// included) keeps working offline once visited. Published at the site root, so its scope is the
// whole site, whatever sub-path GitHub Pages serves it under.
//
// The build writes the release manifest below (guide_site/release.py): each file's path and a
// short sha256. Files are kept in one cache per release, and every downloaded file is checked
// against its hash before it is kept, so a cache only ever holds one release, whole and exact.
//
// - Pages and their assets ("shell") are kept when this worker installs.
// - The Pyodide files and the engine ("engine", ~12 MB) are kept only once a page with the engine
//   (the plan builder, the diary) has started it (the page asks, or the worker sees them go by),
//   never for article readers.
// - Pages are asked of the network first (so a deploy shows at once), falling back to the copy
//   when offline or slow; everything else comes from the copy.
// - If a page from the network is not the one in the manifest, the site has moved on to a new
//   release: this worker stops serving its copy, so an old file is never mixed into a new page.
//   Meanwhile the browser finds the new sw.js (it checks on every page load); the new worker
//   keeps the new release in a new cache (carrying over unchanged files), takes over, and
//   deletes the old cache.
"use strict";

const RELEASE = /* @release */ { "id": null, "shell": {}, "engine": {} } /* @end */;

const CACHE_PREFIX = "guide-release-";
const CACHE_NAME = CACHE_PREFIX + RELEASE.id;
const SCOPE = new URL(self.registration.scope);
const REVISION_HEADER = "X-Guide-Revision";
const PAGE_TIMEOUT_MS = 4000;

let siteMovedOn = false;

/**
 * The site-relative path of a URL this worker may answer for, or null. A static site ignores
 * query strings, so a page's address may carry one (say, from a link elsewhere); files may not.
 */
function sitePath(url, { isPage = false } = {}) {
  const inSite = url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
  if (!inSite || (url.search && !isPage)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  } catch {
    return null; // not a name the site could have
  }
  if (path === "" || path.endsWith("/")) return path + "index.html";
  if (!revisionOf(path) && revisionOf(path + "/index.html")) return path + "/index.html";
  return path;
}

function revisionOf(path) {
  return Object.hasOwn(RELEASE.shell, path)
    ? RELEASE.shell[path]
    : Object.hasOwn(RELEASE.engine, path)
      ? RELEASE.engine[path]
      : null;
}

function urlOf(path) {
  return new URL(path, SCOPE).href;
}

async function revisionOfBytes(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// No need to ask for an update here: the browser checks sw.js itself on every page load (and
// calling registration.update() from in here can leave the new worker waiting in Chromium).
function noticeNewRelease() {
  siteMovedOn = true;
}

/**
 * Download a file of this release, revalidating any HTTP-cached copy (GitHub Pages lets browsers
 * reuse files for ten minutes, even across a deploy). Returns the response and whether its bytes
 * are this release's.
 */
async function download(path) {
  const network = await fetch(urlOf(path), { cache: "no-cache" });
  if (!network.ok) return { response: network, current: false };
  const body = await network.arrayBuffer();
  const headers = new Headers(network.headers);
  headers.set(REVISION_HEADER, revisionOf(path));
  const response = new Response(body, { status: 200, statusText: "OK", headers });
  return { response, current: (await revisionOfBytes(body)) === revisionOf(path) };
}

async function keep(cache, path) {
  const { response, current } = await download(path);
  if (!current) throw new Error(`${path} on the server is not this release's`);
  await cache.put(urlOf(path), response);
}

/** Copy a file unchanged since an earlier release from that release's cache, else download it. */
async function carryOverOrKeep(cache, earlier, path) {
  for (const old of earlier) {
    const response = await old.match(urlOf(path));
    if (response?.headers.get(REVISION_HEADER) === revisionOf(path)) {
      await cache.put(urlOf(path), response);
      return;
    }
  }
  await keep(cache, path);
}

async function earlierCaches() {
  const names = (await caches.keys()).filter(
    (name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME,
  );
  return Promise.all(names.map((name) => caches.open(name)));
}

async function install() {
  const cache = await caches.open(CACHE_NAME);
  const earlier = await earlierCaches();
  const shell = Object.keys(RELEASE.shell);
  await Promise.all(shell.map((path) => carryOverOrKeep(cache, earlier, path)));
  // Someone who used the plan builder keeps it offline across releases.
  if (await engineWasKept(earlier)) await keepEngine(cache, earlier).catch(() => {});
}

async function engineWasKept(earlier) {
  for (const old of earlier) {
    for (const path of Object.keys(RELEASE.engine)) {
      if (await old.match(urlOf(path))) return true;
    }
  }
  return false;
}

async function keepEngine(cache, earlier = []) {
  const missing = [];
  for (const path of Object.keys(RELEASE.engine)) {
    if (!(await cache.match(urlOf(path)))) missing.push(path);
  }
  await Promise.all(missing.map((path) => carryOverOrKeep(cache, earlier, path)));
}

self.addEventListener("install", (event) => {
  // An unstamped worker (mkdocs serve) keeps nothing. A failed install leaves the previous
  // release in charge; the browser tries again on a later visit.
  event.waitUntil((RELEASE.id ? install() : Promise.resolve()).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep-engine" || !RELEASE.id) return;
  event.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => keepEngine(cache))
      .then(
        () => ({ type: "engine-kept", release: RELEASE.id }),
        (error) => ({ type: "engine-not-kept", reason: String(error?.message ?? error) }),
      )
      .then((reply) => event.source?.postMessage(reply)),
  );
});

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms));
}

async function page(request, path) {
  const cache = await caches.open(CACHE_NAME);
  const kept = revisionOf(path) ? await cache.match(urlOf(path)) : undefined;
  // Revalidated: GitHub Pages lets browsers reuse a page for ten minutes, even across a deploy.
  const network = fetch(new Request(request, { cache: "no-cache" }));
  try {
    const response = await (kept ? Promise.race([network, timeout(PAGE_TIMEOUT_MS)]) : network);
    if (response.ok && revisionOf(path)) {
      const body = await response.clone().arrayBuffer();
      if ((await revisionOfBytes(body)) !== revisionOf(path)) noticeNewRelease();
    }
    return response;
  } catch {
    network.catch(() => {}); // a page that answers after the timeout is simply dropped
    return kept ?? (await notFound(cache));
  }
}

/** Offline, a page this release does not have gets the site's own "not found" page. */
async function notFound(cache) {
  const missing = await cache.match(urlOf("404.html"));
  if (!missing) return Response.error();
  return new Response(missing.body, {
    status: 404,
    statusText: "Not Found",
    headers: missing.headers,
  });
}

async function file(path) {
  const cache = await caches.open(CACHE_NAME);
  const kept = await cache.match(urlOf(path));
  if (kept) return kept;
  const { response, current } = await download(path);
  if (current) await cache.put(urlOf(path), response.clone());
  else if (response.ok) noticeNewRelease();
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (!RELEASE.id || request.method !== "GET") return;
  const isPage = request.mode === "navigate";
  const path = sitePath(new URL(request.url), { isPage });
  if (path === null) return; // another host, or outside the site: not ours to answer
  if (isPage) {
    event.respondWith(page(request, path));
  } else if (revisionOf(path) && !siteMovedOn && !request.headers.has("range")) {
    // Once a newer release is on the server, files come straight from it, not through here.
    event.respondWith(file(path));
  }
});
