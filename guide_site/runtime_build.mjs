// Makes the plan builder's runtime files in Node with the pinned Pyodide, offline, then proves them.
// Run by guide_site/runtime_bundle.py: `node runtime_build.mjs <job.json>`; writes a JSON report
// to the job's `report` file.
//
// 1. On the stock files: start the engine exactly as the browser does (engine-boot.mjs, with the
//    engine's sources in a zip), answer every request of the job, run every import statement of
//    the engine (lazy ones included), then note which standard-library modules are loaded: that
//    is what Pyodide's start-up and the engine use.
// 2. In that same Python (so the .pyc magic number is Pyodide's own), compile those modules and
//    the engine to unchecked hash-based .pyc, into two zips with fixed timestamps (the same
//    inputs give the same bytes). `job.stripStdlibDocstrings` drops the library's docstrings
//    as -OO would (asserts stay); `job.omit` leaves modules out, to test the check below.
// 3. On the new files: start again, answer the same requests, run the same imports. The report
//    says what failed or answered differently; runtime_bundle.py turns that into the build error.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(job.pyodide, "pyodide.mjs")).href);
const { startEngine, ENGINE_ZIP } = await import(pathToFileURL(job.boot).href);
const lockInfo = JSON.parse(readFileSync(path.join(job.pyodide, "pyodide-lock.json"), "utf8")).info;

// Everything is local: a fetch would mean Pyodide looked for something it should not need.
globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const OUT = "/runtime-out";

// Runs in Pyodide only after the modules were noted, so none of what it imports is counted.
const COMPILE = `
import ast
import importlib.util
import marshal
import zipfile

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest: builds are reproducible
_UNCHECKED_HASH_PYC = (1).to_bytes(4, "little")  # PEP 552 flags: hash-based, never checked


def _without_docstrings(tree):
    """What -OO does to docstrings, and nothing else (asserts stay): a docstring becomes pass."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                if isinstance(first.value.value, str):
                    node.body[0] = ast.copy_location(ast.Pass(), first)
    return tree


def _pyc(source, filename, strip_docstrings=False):
    code = source
    if strip_docstrings:
        code = _without_docstrings(ast.parse(source, filename))
    code = compile(code, filename, "exec", dont_inherit=True)
    header = importlib.util.MAGIC_NUMBER + _UNCHECKED_HASH_PYC + importlib.util.source_hash(source)
    return header + marshal.dumps(code)


def compile_zip(source_zip, mounted_at, target, wanted, strip_docstrings):
    """Each wanted member of source_zip, a .py as sourceless name.pyc, into a new zip."""
    members = {}
    with zipfile.ZipFile(source_zip) as source:
        for name in wanted:
            data = source.read(name)
            if name.endswith(".py"):
                members[name[:-3] + ".pyc"] = _pyc(data, mounted_at + name, strip_docstrings)
            else:
                members[name] = data
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in sorted(members.items()):
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return sorted(members)


def members_of(source_zip):
    with zipfile.ZipFile(source_zip) as source:
        return [name for name in source.namelist() if not name.endswith("/")]
`;

function messageOf(error) {
  const text = String(error?.message ?? error).trim();
  return text.split("\n").at(-1); // a Python error's last line says what it was
}

async function start(stdLibURL, engineZip) {
  return startEngine(loadPyodide, {
    indexURL: job.pyodide,
    stdLibURL,
    lockInfo,
    engine: readFileSync(engineZip),
  });
}

// Every request, then every import statement, each in a fresh namespace as a module has.
function exercise({ pyodide, respond }) {
  const responses = job.requests.map((request) => respond(request));
  const builtins = pyodide.pyimport("builtins");
  const imports = job.imports.map((statement) => {
    const namespace = builtins.dict();
    try {
      builtins.exec(statement, namespace);
      return null;
    } catch (error) {
      return messageOf(error);
    } finally {
      namespace.destroy();
    }
  });
  builtins.destroy();
  return { responses, imports };
}

// Where Pyodide put the standard library (/lib/python3XY.zip), and the files behind every loaded
// module, found through the FFI alone.
function stdlibZip(pyodide) {
  const entries = [...pyodide.pyimport("sys").path];
  return entries.find((entry) => entry.endsWith(".zip") && entry !== ENGINE_ZIP);
}

function loadedStdlibFiles(pyodide, mount) {
  const modules = pyodide.pyimport("sys").modules;
  const files = new Set();
  for (const name of modules.keys()) {
    const origin = modules.get(name)?.__spec__?.origin;
    if (typeof origin === "string" && origin.startsWith(mount)) {
      files.add(origin.slice(mount.length));
    }
  }
  modules.destroy();
  return [...files].sort();
}

async function stockRun() {
  let engine;
  try {
    engine = await start(path.join(job.pyodide, "python_stdlib.zip"), job.engineSource);
  } catch (error) {
    return { failed: messageOf(error) };
  }
  const answers = exercise(engine);
  if (answers.imports.some((failure) => failure !== null)) return answers; // nothing to make
  const { pyodide } = engine;
  const library = stdlibZip(pyodide);
  const used = loadedStdlibFiles(pyodide, `${library}/`);
  const omitted = new Set(job.omit.map((module) => module.replaceAll(".", "/")));
  const kept = used.filter((file) => !omitted.has(file.replace(/(\/__init__)?\.py$/, "")));

  pyodide.runPython(COMPILE);
  pyodide.FS.mkdirTree(OUT);
  pyodide.mountNodeFS(OUT, job.out);
  const compileZip = pyodide.globals.get("compile_zip");
  const membersOf = pyodide.globals.get("members_of");
  const stdlib = compileZip(
    library,
    `${library}/`,
    `${OUT}/${job.stdlibName}`,
    kept,
    job.stripStdlibDocstrings,
  );
  pyodide.FS.writeFile("/engine-src.zip", readFileSync(job.engineSource));
  const engineMembers = membersOf("/engine-src.zip");
  const engineFiles = compileZip(
    "/engine-src.zip",
    `${ENGINE_ZIP}/`,
    `${OUT}/${job.engineName}`,
    engineMembers,
    false, // the engine's own code compiles as it is
  );
  const python = pyodide.runPython("import sys; sys.version");
  return {
    python,
    ...answers,
    stdlib: stdlib.toJs(),
    engine: engineFiles.toJs(),
  };
}

async function trimmedRun() {
  let engine;
  try {
    engine = await start(
      path.join(job.out, job.stdlibName),
      path.join(job.out, job.engineName),
    );
  } catch (error) {
    return { failed: messageOf(error) };
  }
  return exercise(engine);
}

const stock = await stockRun();
const made = stock.stdlib !== undefined;
const report = { stock, trimmed: made ? await trimmedRun() : null };
writeFileSync(job.report, JSON.stringify(report));
process.exit(0); // Pyodide keeps the event loop alive
