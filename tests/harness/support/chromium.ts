/**
 * Which Chromium the report's browser test drives. A system Chromium is used
 * when one is installed; otherwise the one that `npm install` brought: the
 * `@sparticuz/chromium` package ships a headless Chromium inside the package
 * and unpacks it to the temp folder on first use. So `npm install && npm test`
 * passes on a bare machine, with nothing installed by hand.
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

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

/**
 * A screenshot kept as a test artifact, for a person to look at.
 * Headless Chromium on a loaded machine sometimes answers "Unable to capture
 * screenshot" when its compositor misses a frame; the picture is not what the test asserts, so a failed
 * capture is tried again before it fails the test.
 */
export async function saveScreenshot(target: Page | Locator, file: string, tries = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A page is shot whole; a locator, as the element it finds.
      await ('goto' in target ? target.screenshot({ path: file, fullPage: true }) : target.screenshot({ path: file }));
      return;
    } catch (error) {
      if (attempt >= tries || !/Unable to capture screenshot/.test(String(error))) throw error;
      // The compositor missed its frame: give it a moment, longer each time.
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
