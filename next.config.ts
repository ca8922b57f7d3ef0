import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Separate build folders let several test servers build side by side (scripts/e2e-server.mjs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
