export const ROOT: string;
export const DIST: string;
export const STAMP: string;
export function buildIsCurrent(): boolean;
