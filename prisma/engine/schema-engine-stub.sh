#!/bin/sh
# Prisma's CLI insists that a schema-engine binary exists even for `prisma generate`.
# The native engine cannot be downloaded on these machines; migrations run through
# scripts/db.mjs (the WebAssembly schema engine) instead. See docs/decisions/002-migrations-wasm.md.
echo "The native Prisma schema engine is not available here: use npm run db:migrate / db:deploy / db:status / db:reset / db:check" >&2
exit 1
