export const OLDEST_MAJOR: number;
export function unsupportedNode(version: string): string | undefined;
