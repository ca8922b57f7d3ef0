export function findChromium(): string | null;
export function hasCjkFont(): boolean;
export function ensureBrowser(): { ok: true; path: string } | { ok: false; message: string };
