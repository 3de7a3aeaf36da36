/**
 * Types a keystroke plan into `selector` and times each key with the page's probe (bench/vm-networks/probe.ts):
 * armed before the key is pressed, measured from its keydown to the first painted frame that shows `expect(k)`.
 */
import type { Page } from 'playwright-core';
import type { Expectation } from '../vm-networks/probe';
import type { Keystroke } from '../vm-networks/report';

export const typeAndMeasure = async (
  page: Page,
  selector: string,
  plan: Keystroke[],
  expect: (k: Keystroke) => Expectation,
) => {
  // Focused, not clicked: on a loaded machine a late layout shift (a summary mounting above the toolbar) can move
  // another element under the click point, and the keys then go elsewhere (two runs here timed out waiting).
  await page.focus(selector);
  const out: number[] = [];
  for (const k of plan) {
    await page.evaluate((e) => window.__bench.arm(e), expect(k));
    await page.keyboard.press(k.key);
    out.push(await page.evaluate(() => window.__bench.armed()));
  }
  return out;
};
