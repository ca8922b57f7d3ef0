import type { NextConfig } from "next";
import { API_POLICY, COMMON_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Separate build folders let several test servers build side by side (scripts/e2e-server.mjs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    // The forms' actions carry a month's figures or a bulletin's text (tens of KB); Next refuses
    // anything larger with 413 before parsing. Same cap as the JSON API (lib/api/body.ts).
    serverActions: { bodySizeLimit: "1mb" },
  },
  // Pages get their policy (with a per-request nonce) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
    ];
  },
};

export default nextConfig;
