// Draws images/icon.png (128×128): a red seal with 分 in white, rendered by Chromium (the one the
// end-to-end tests use) with the WenQuanYi font. Run: node images/make-icon.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('./icon.png', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">
    <div style="width:116px;height:116px;margin:6px;box-sizing:border-box;border-radius:22px;background:#B71C1C;
      display:flex;align-items:center;justify-content:center">
      <div style="width:100px;height:100px;box-sizing:border-box;border:4px solid #fff;border-radius:16px;
        display:flex;align-items:center;justify-content:center;color:#fff;
        font:78px/1 'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif">分</div>
    </div></body></html>`);
  await page.screenshot({ path: out, omitBackground: true });
} finally {
  await browser.close();
}
