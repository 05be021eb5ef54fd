export function wantsSmallYoungGeneration(argv?: string[], execArgv?: string[]): boolean;
export function rerunWithSmallYoungGeneration(script: string): void;
