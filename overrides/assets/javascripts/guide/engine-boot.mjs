// How the plan builder's engine starts: shared by the browser's worker (engine-worker.mjs) and by
// the build's check under Node (guide_site/runtime_build.mjs), so the build proves the very
// start-up the browser runs.
//
// The runtime is made at build (guide_site/runtime_bundle.py): Pyodide's core, a standard
// library of just the modules the engine and Pyodide's start-up use, precompiled to .pyc by
// Pyodide's own Python (so nothing is compiled in the browser), and the engine's own zip, which
// goes on sys.path. No lockfile to fetch and no package to install.

export const ENGINE_ZIP = "/guide/engine.zip";

/**
 * Boot Pyodide from ``stdLibURL`` with the engine zip (bytes, or a promise of them, fetched
 * meanwhile). Resolves with Pyodide and the engine's ``respond(requestJSON) -> responseJSON``.
 */
export async function startEngine(loadPyodide, { indexURL, stdLibURL, lockInfo, engine }) {
  const [pyodide, engineZip] = await Promise.all([
    loadPyodide({
      indexURL,
      stdLibURL,
      // Nothing is installed, so Pyodide needs no package list: its own is 120 kB.
      lockFileContents: { info: lockInfo, packages: {} },
      packageBaseUrl: indexURL,
    }),
    engine,
  ]);
  pyodide.FS.mkdirTree(ENGINE_ZIP.slice(0, ENGINE_ZIP.lastIndexOf("/")));
  pyodide.FS.writeFile(ENGINE_ZIP, engineZip);
  const path = pyodide.pyimport("sys").path;
  path.insert(0, ENGINE_ZIP);
  path.destroy();
  return { pyodide, respond: pyodide.pyimport("guide_engine.web").respond };
}
