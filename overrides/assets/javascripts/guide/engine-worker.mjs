// The plan builder's engine: a module worker (Pyodide 314 refuses classic workers) that boots the
// self-hosted Pyodide with the engine wheel from the site's own lockfile. Every URL comes from
// import.meta.url, so the site works under any sub-path, and nothing is fetched from another host.
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { serveEngine } from "./engine-protocol.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;

// Pyodide only logs a WebAssembly module that fails to load ("wasm instantiation failed!") and
// then waits for ever; this turns that into a failure the page can report.
const wasmFailed = new Promise((_, reject) => {
  if (typeof WebAssembly !== "object") {
    reject(new Error("This browser cannot run WebAssembly."));
    return;
  }
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  if (typeof instantiateStreaming !== "function") return; // Pyodide then uses another way
  WebAssembly.instantiateStreaming = (...args) =>
    instantiateStreaming.apply(WebAssembly, args).catch((error) => {
      reject(error);
      throw error;
    });
});

// The wheel downloads (sha256-checked against the lockfile) while Python boots.
const booted = loadPyodide({ indexURL, packages: ["guide-engine"] });
const engine = Promise.race([booted, wasmFailed]).then(
  (pyodide) => pyodide.pyimport("guide_engine.web").respond,
);

serveEngine(engine);
