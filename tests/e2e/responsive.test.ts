import { describe, expect, it } from 'vitest';
import { nanliujiangCourse, WHOLE_COURSE_REGION, wholeCourseReach } from '../../bench/course';
import { DEMO_PLANNER, login } from '../helpers/accounts';
import { screenshot } from '../helpers/browser';
import { appUnderTest, DESKTOP, errorsOf, LONG, logIn, openPage } from '../helpers/map-page';
import { saveVersion } from '../helpers/plan-writes';

// the whole course leaves Qinzhou: the server serves a wider region, as a province deployment would
const app = appUnderTest({ HEJIE_REGION: WHOLE_COURSE_REGION });

describe('a 220 km reach in the planner’s workspace', () => {
  it('computes off the main thread: frames keep coming and the map pans meanwhile', async () => {
    const course = nanliujiangCourse();
    const input = wholeCourseReach(course);
    const planner = await login(app.server.url, DEMO_PLANNER);
    await saveVersion(app.server.url, planner, 'city-05', input.features, '南流江全程');

    const { page, context } = await openPage(app.browser, app.server.url, { viewport: DESKTOP });
    await logIn(page, 'planner', 'demo-planner');
    await page.click('.work-list button[data-plan="city-05"]');
    const panel = page.locator('.plan-panel[data-plan="city-05"]');
    await panel.locator('.plan-editor').waitFor(LONG);
    await panel.locator('.draft-compute button:has-text("计算")').waitFor(LONG);
    await page.evaluate(() => window.hejieMap?.settled());

    // count frames from the press of 计算 to its result
    await page.evaluate(() => {
      const w = window as unknown as {
        frames: number;
        longest: number;
        counting: boolean;
        gaps: string[];
      };
      w.frames = 0;
      w.longest = 0;
      w.counting = true;
      w.gaps = [];
      const start = performance.now();
      let last = start;
      const tick = () => {
        const now = performance.now();
        w.longest = Math.max(w.longest, now - last);
        if (now - last > 100)
          w.gaps.push(`${(now - last).toFixed(0)} ms at ${(last - start).toFixed(0)}`);
        last = now;
        w.frames++;
        if (w.counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await panel.locator('.draft-compute button:has-text("计算")').click();
    // the planner drags the map while it computes
    const box = await page.locator('[data-testid="map"]').boundingBox();
    // below the legend, left of the panel, above the attribution
    const x = (box?.x ?? 0) + 120;
    const y = (box?.y ?? 0) + (box?.height ?? 0) - 200;
    const before = await page.evaluate(() => window.hejieMap?.project([109.2, 21.9]));
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y + 40, { steps: 3 });
    // halfway through the drag the worker is still computing, and the map has followed the mouse
    const midway = await page.evaluate(() => window.hejieMap?.project([109.2, 21.9]));
    const stateMidway = await panel.locator('.draft-compute').getAttribute('data-state');
    await page.mouse.move(x + 120, y + 80, { steps: 3 });
    await page.mouse.up();
    const after = await page.evaluate(() => window.hejieMap?.project([109.2, 21.9]));
    await expect
      .poll(() => panel.locator('.draft-compute').getAttribute('data-state'), { timeout: 120_000 })
      .toBe('done');
    const wall = Date.now() - t0;
    const { frames, longest, gaps } = await page.evaluate(() => {
      const w = window as unknown as {
        frames: number;
        longest: number;
        counting: boolean;
        gaps: string[];
      };
      w.counting = false;
      return { frames: w.frames, longest: w.longest, gaps: w.gaps };
    });
    const heading = (await panel.locator('.draft-compute h3').textContent()) ?? '';
    // 界桩 n 个、公告牌 m 块: counted by kind, as the notice counts them (issue 19)
    const counts = /界桩 (\d+) 个、公告牌 (\d+) 块/.exec(
      (await panel.locator('.draft-compute [data-row="markers"] dd').textContent()) ?? '',
    );
    const markers = Number(counts?.[1]) + Number(counts?.[2]);
    console.log(
      `南流江 ${course.coords.length} vertices per line in the app: ${heading}; ${markers} markers; wall ${wall} ms, ${frames} frames, longest gap ${longest.toFixed(0)} ms (gaps over 100 ms: ${gaps.join(', ') || 'none'}); halfway through the drag the state was "${stateMidway}"`,
    );
    expect(markers).toBeGreaterThan(1000);
    // the map followed the drag while the worker computed, and ended 120 × 80 px further on screen
    expect(stateMidway).toBe('running');
    expect((midway?.[0] ?? 0) - (before?.[0] ?? 0)).toBeCloseTo(60, -1);
    expect((after?.[0] ?? 0) - (before?.[0] ?? 0)).toBeCloseTo(120, -1);
    expect((after?.[1] ?? 0) - (before?.[1] ?? 0)).toBeCloseTo(80, -1);
    // The main thread kept painting while the worker computed. Measured here 14–25 frames in 1.3–1.6 s
    // and gaps of 100–340 ms: chromium draws with software GL (swiftshader) on 2 cores, one of them
    // the worker's, and each frame of the drag redraws both 226 km lines with their arrows. A
    // computation on the main thread would be one gap as long as the computation (700–900 ms).
    // On a machine busy with other work both stretch (CI: compute 1,515 ms, a 609 ms gap), so the
    // bound is half the computation as the panel reports it, and never below 500 ms.
    const computeMs = Number(/(\d+) 毫秒/.exec(heading)?.[1] ?? Number.NaN);
    expect(computeMs).toBeGreaterThan(0);
    expect(frames).toBeGreaterThan(wall / 200);
    expect(longest).toBeLessThan(Math.max(500, computeMs / 2));
    await expect
      .poll(
        async () =>
          (await page.evaluate(() => window.hejieMap?.renderedIds('draft-management') ?? []))
            .length,
        LONG,
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'responsive-nanliujiang-computed');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  }, 240_000);
});
