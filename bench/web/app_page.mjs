// The page helpers bench_web.mjs drives the web client with: Debian's chromium, a tablet-shaped
// context, and the app's UI map (a page opened with ?ui-map publishes Module.peerobsUiMap: each
// widget drawn and its centre in canvas pixels) to find, tap and type into widgets by label.
// Waits poll the page and never sleep a fixed time; a wait that runs out says what the app showed.
import { createRequire } from 'node:module';

import { parseUiMap } from '../../tests/web/lib/app_page.mjs';

// Before the browser starts: Playwright reports a service worker's own requests only with this.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function launch() {
  return chromium.launch({
    executablePath: process.env.PEEROBS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

// A fresh context: its own HTTP cache, IndexedDB and service workers. bypassCSP: Playwright's
// evaluate compiles its functions with eval, which the hub's CSP forbids.
export async function tablet(browser) {
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, hasTouch: true, bypassCSP: true,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('the page crashed'));
  return { context, page, errors };
}

export async function snapshot(page) {
  return page.evaluate(() => {
    const M = window.Module || {};
    const S = M.peerobsStorage || {};
    const status = document.getElementById('status');
    return {
      map: M.peerobsUiMap || '',
      firstFrameMs: M.peerobsFirstFrameMs,
      storage: { changes: S.changes, stored: S.stored, copying: S.copying, problem: S.problem },
      statusText: status && !status.hidden ? status.textContent : '',
      dpr: window.devicePixelRatio,
    };
  });
}

// The UI map's reader is the browser tests' one (the map's format has one owner); bench code
// uses the screen's name.
export function parseMap(text) {
  const m = parseUiMap(text);
  return { screen: m.name, items: m.items };
}

export async function describe(page) {
  try {
    const s = await snapshot(page);
    const m = parseMap(s.map);
    return `The app shows ${m.screen} with ${m.items.map((i) => JSON.stringify(i.label)).join(', ') || 'no widgets'}.` +
           (s.statusText ? ` The page says: "${s.statusText}".` : '');
  } catch (e) {
    return `(the page could not be read: ${e.message})`;
  }
}

// Polls `probe` until it returns something truthy (a reload in between is retried).
export async function waitFor(page, probe, what, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      if (!/Execution context was destroyed|navigation|Target closed/i.test(e.message)) throw e;
    }
    if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for ${what}, in vain. ${await describe(page)}`);
    await sleep(20);
  }
}

// `tolerant`: with service workers blocked, Playwright resolves register() with undefined (no
// browser does), boot.js's log line then throws, and the page shows "could not start" while the
// app starts regardless; that run only counts bytes.
export async function firstFrame(page, { tolerant = false } = {}) {
  return waitFor(page, async () => {
    const s = await snapshot(page);
    if (!tolerant && /could not|stopped|needs|too old|Open peerobs from/i.test(s.statusText)) throw new Error(`the page says: "${s.statusText}"`);
    return typeof s.firstFrameMs === 'number' ? s : null;
  }, 'the first frame');
}

export async function find(page, label) {
  return waitFor(page, async () => parseMap((await snapshot(page)).map).items.find((i) => i.label === label),
                 `a widget labelled "${label}"`, 15000);
}

export async function waitScreen(page, name) {
  return waitFor(page, async () => parseMap((await snapshot(page)).map).screen === name, `the ${name} screen`, 15000);
}

// The UI map is in canvas pixels; touches are in CSS pixels.
export async function tap(page, label) {
  const item = await find(page, label);
  await page.touchscreen.tap(item.x / 2, item.y / 2);
  return item;
}

export async function waitStored(page, why) {
  return waitFor(page, async () => {
    const s = (await snapshot(page)).storage;
    if (s.problem) throw new Error(`the storage reports a problem: ${s.problem}`);
    return s.changes === s.stored && !s.copying;
  }, `IndexedDB to hold everything after ${why}`);
}

export async function typeInto(page, field, text) {
  await tap(page, field);
  await waitFor(page, () => page.evaluate(() => document.activeElement === document.getElementById('text-input')),
                `the text field to take focus after tapping "${field}"`);
  await page.keyboard.insertText(text);
}
