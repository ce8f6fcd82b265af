// Debian's chromium, headless, through playwright-core (which never downloads a browser), with
// WebGL2 from SwiftShader; and a browsing context shaped like a tablet (touch, a device pixel
// ratio of 2 or 3). Console output and uncaught errors of every page are collected so a
// failure can show them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export async function launch(executablePath = process.env.PEEROBS_CHROMIUM || '/usr/bin/chromium') {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

// A fresh context (its own IndexedDB, service workers and cache) at a tablet's size.
export async function tabletPage(browser, { width = 768, height = 1024, scale = 2 } = {}, console_ = []) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, hasTouch: true });
  const page = await context.newPage();
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  page.on('console', (m) => console_.push(`${stamp()} console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console_.push(`${stamp()} PAGE ERROR: ${e.message}`));
  page.on('crash', () => console_.push(`${stamp()} PAGE CRASHED`));
  return { context, page };
}
