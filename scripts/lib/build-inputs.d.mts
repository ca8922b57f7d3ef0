export function listInputs(root: string): string[];
export function sourceFingerprint(root: string): string;
