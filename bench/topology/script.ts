/** The scripted pan and zoom of the topology benches (run.ts, ab.ts); README.md "What the numbers mean". */
import type { Page } from 'playwright-core';
import type { Interaction } from './probe';

const CANVAS = '[data-test="topology-canvas"]';

/** Scripted pan and zoom with the mouse over the canvas: 20 wheel zooms (12 in, 8 out), then 5 drags. */
export const panAndZoom = async (page: Page): Promise<Interaction> => {
  const box = await page.locator(CANVAS).boundingBox();
  if (!box) throw new Error('the canvas has no box');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.evaluate(() => window.__topologyBench.beginInteraction());
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, i < 12 ? -100 : 100);
    await page.waitForTimeout(40);
  }
  for (let d = 0; d < 5; d++) {
    const dx = d % 2 ? -240 : 240;
    const dy = d % 2 ? -120 : 120;
    await page.mouse.move(cx - dx / 2, cy - dy / 2);
    await page.mouse.down();
    await page.mouse.move(cx + dx / 2, cy + dy / 2, { steps: 8 });
    await page.mouse.up();
  }
  // cytoscape redraws the whole graph once the viewport stops moving: that redraw belongs to the interaction.
  await page.waitForTimeout(600);
  const r = await page.evaluate(() => window.__topologyBench.endInteraction());
  if (r.before.zoom === r.after.zoom || (r.before.x === r.after.x && r.before.y === r.after.y))
    throw new Error(`the scripted pan and zoom did not move the viewport: ${JSON.stringify(r)}`);
  return r;
};
