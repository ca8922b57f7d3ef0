// Vitest stand-in for the server-only marker package: tests run server modules directly.
export {};
