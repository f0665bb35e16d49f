import { describe, it } from 'vitest';
import { DESKTOP, LONG, logIn, openPage, PHONE, appUnderTest } from '../helpers/map-page';

const app = appUnderTest();
describe('scratch', () => {
  it('admin settings', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, context } = await openPage(app.browser, app.server.url, { viewport });
      await logIn(page, 'admin', 'demo-admin');
      await page.locator('.work-list').waitFor(LONG);
      await page.click('header nav button:has-text("设置")');
      await page.locator('form.admin-settings').waitFor(LONG);
      await page.screenshot({ path: `/tmp/ui-shots/scratch-admin-settings-${viewport.width}.png` });
      await context.close();
    }
  }, 120000);
});
