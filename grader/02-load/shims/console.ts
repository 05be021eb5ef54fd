/**
 * node:console inside the sandbox: the sandbox's own console (set up by the
 * driver, which captures what is printed), under the module's names.
 */
const sandboxConsole = (globalThis as unknown as { console: Record<string, (...args: unknown[]) => void> }).console;

export const log = (...args: unknown[]) => sandboxConsole.log(...args);
export const info = (...args: unknown[]) => sandboxConsole.info(...args);
export const warn = (...args: unknown[]) => sandboxConsole.warn(...args);
export const error = (...args: unknown[]) => sandboxConsole.error(...args);
export const debug = (...args: unknown[]) => sandboxConsole.debug(...args);
export const table = (...args: unknown[]) => sandboxConsole.table(...args);
export const dir = (...args: unknown[]) => sandboxConsole.dir(...args);
export default sandboxConsole;
