// Lighthouse's accessibility category for each page given, through a Chromium that the caller
// started with --remote-debugging-port (so one browser serves every page). Prints one JSON line
// per page: {url, score, failing: [{id, title, nodes}]}. Usage: node lighthouse.mjs PORT URL...
import lighthouse from "lighthouse";

const [port, ...urls] = process.argv.slice(2);
const flags = { logLevel: "error", port: Number(port) };
// Only the accessibility audits, which judge the page once it has loaded: no full-page
// screenshot (for the report's pictures) and no waiting for the network and the processor to
// go quiet, which only the performance audits need. (Measured here: 4 s a page instead of 9.)
// Nor a blank page between pages, nor clearing the site's storage: the site's offline copy is
// kept from these pages (the caller blocks it), and the audits judge only the page as loaded.
const config = {
  extends: "lighthouse:default",
  settings: {
    onlyCategories: ["accessibility"],
    disableFullPageScreenshot: true,
    pauseAfterFcpMs: 0,
    pauseAfterLoadMs: 0,
    networkQuietThresholdMs: 0,
    cpuQuietThresholdMs: 0,
    skipAboutBlank: true,
    disableStorageReset: true,
  },
};

for (const url of urls) {
  const { lhr } = await lighthouse(url, flags, config);
  const failing = Object.values(lhr.audits)
    .filter((audit) => audit.scoreDisplayMode === "binary" && audit.score !== 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      nodes: (audit.details?.items ?? []).slice(0, 5).map((item) => item.node?.snippet ?? ""),
    }));
  const problems = lhr.runtimeError ? [lhr.runtimeError.message] : lhr.runWarnings;
  console.log(
    JSON.stringify({ url, score: lhr.categories.accessibility.score, failing, problems }),
  );
}
