// Where this e2e run's server lives and which build folder it serves: shared by playwright.config.ts
// and specs that start more servers from the same build (two-instances.spec.ts).
export const e2ePort = (): number => Number(process.env.E2E_PORT ?? 3100);

/** The default port uses the normal build folder; other ports (parallel runs) build their own. */
export const e2eDistDir = (port = e2ePort()): string => (port === 3100 ? ".next" : `.next-e2e-${port}`);
