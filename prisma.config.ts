import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI wants a schema-engine binary on disk even for `prisma generate`; point it at a stub.
// Migrations run through scripts/db.mjs with the WebAssembly engine (docs/decisions/002-migrations-wasm.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
