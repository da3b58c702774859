// The plan builder's engine: a module worker (Pyodide 314 refuses classic workers) that boots the
// self-hosted Pyodide from the runtime made at build (engine-boot.mjs says how). Every URL comes
// from import.meta.url, so the site works under any sub-path, and nothing is fetched from another
// host. The build (guide_site/runtime_bundle.py) writes the runtime's content-hashed file names
// into the import below and into RUNTIME.
import { loadPyodide } from "../../pyodide/core/pyodide.mjs";
import { startEngine } from "./engine-boot.mjs";
import { serveEngine } from "./engine-protocol.mjs";

const RUNTIME = /* @runtime */ null /* @end */;
const url = (path) => new URL(path, import.meta.url).href;

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

// The engine's zip downloads (checked against its hash) while Python boots.
async function fetchEngine() {
  const response = await fetch(url(RUNTIME.engineURL), { integrity: RUNTIME.engineIntegrity });
  if (!response.ok) throw new Error(`The engine could not be downloaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

const booted = startEngine(loadPyodide, {
  indexURL: url(RUNTIME.indexURL),
  stdLibURL: url(RUNTIME.stdLibURL),
  lockInfo: RUNTIME.lockInfo,
  engine: fetchEngine(),
});
const engine = Promise.race([booted, wasmFailed]).then(({ respond }) => respond);

serveEngine(engine);
