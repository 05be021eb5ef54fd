/**
 * Which Chromium the report's browser test drives. A system Chromium is used
 * when one is installed; otherwise the one that `npm install` brought: the
 * `@sparticuz/chromium` package ships a headless Chromium inside the package
 * and unpacks it to the temp folder on first use. So `npm install && npm test`
 * passes on a bare machine, with nothing installed by hand.
 */
import { existsSync } from 'node:fs';

/** Where Debian's and most distributions' packages put it. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The path of a Chromium executable to hand to playwright-core's `launch`. */
export async function findChromium(): Promise<string> {
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  if (system) return system;
  // Imported only when needed: the package's entry inspects the environment when it loads.
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}
