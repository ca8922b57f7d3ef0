import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
// Loads @prisma/schema-engine-wasm on Node 20 and opens engines over driver adapters.
//
// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do, so we
// instantiate schema_engine_bg.wasm ourselves against the package's JS glue (schema_engine_bg.js).
//
// The engine arms setTimeout timers (≈10 s timeouts around its work) and never clears them, so a
// finished process would wait for them. We wrap the glue's setTimeout import to keep track of these
// timers and unref them once no engine call is running: they still fire if the process lives on,
// but they no longer keep it alive.
import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const pendingTimers = new Set();
let runningCalls = 0;
let wasmModule;

// wasm-bindgen reports Rust panics through this global; keep the last message for error reports.
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: "",
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
  get() {
    return this.message;
  },
};

function trackedSetTimeout(callback, ms) {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer);
    callback();
  }, ms >>> 0);
  pendingTimers.add(timer);
  if (runningCalls === 0) timer.unref();
  return timer;
}

function releaseTimers() {
  if (runningCalls > 0) return;
  for (const timer of pendingTimers) timer.unref();
}

async function loadWasm() {
  // createRequire rather than import.meta.resolve: Vitest's module runner lacks the latter.
  const bgUrl = pathToFileURL(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg")).href;
  const bg = await import(bgUrl);
  const imports = { ...bg };
  for (const name of Object.keys(bg)) {
    if (name.startsWith("__wbg_setTimeout_")) imports[name] = trackedSetTimeout;
  }
  const bytes = await readFile(new URL("schema_engine_bg.wasm", bgUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

/** The wasm module is instantiated once per process; engines are cheap to create on top of it. */
export function schemaEngineModule() {
  wasmModule ??= loadWasm();
  return wasmModule;
}

/**
 * Opens a schema engine for one schema file over a migration-aware adapter factory.
 * Returns an object with the engine's methods (each call keeps the engine's timers referenced
 * while it runs) and `free()`.
 */
export async function openEngine({ schemaPath, schemaText, factory, log = () => {} }) {
  const { SchemaEngine } = await schemaEngineModule();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await guard(() => SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, log, bound));
  return new Proxy(engine, {
    get(target, prop) {
      const value = target[prop];
      if (typeof value !== "function") return value;
      if (prop === "free") return () => target.free();
      return (...args) => guard(() => value.apply(target, args));
    },
  });
}

async function guard(fn) {
  runningCalls++;
  try {
    return await fn();
  } catch (error) {
    throw toError(error);
  } finally {
    runningCalls--;
    releaseTimers();
  }
}

function toError(error) {
  if (error instanceof Error) {
    if (error.name === "RuntimeError" && globalThis.PRISMA_WASM_PANIC_REGISTRY.message) {
      error.message = `${globalThis.PRISMA_WASM_PANIC_REGISTRY.message}\n${error.message}`;
    }
    return error;
  }
  const message = typeof error === "string" ? error : JSON.stringify(error);
  return Object.assign(new Error(message), { cause: error });
}
