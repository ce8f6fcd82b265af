// The web client's main screens at tablet and phone sizes, for docs/screenshots/web/: first run,
// Home, Plan, Observe and Settings at 768x1024 and 1024x768 (devicePixelRatio 2) and 390x844
// (devicePixelRatio 3), each in a fresh browser context that starts with the demo cycle (so the
// screens show a realistic amount of content). Files: <screen>_<W>x<H>.png, W and H in CSS px.
// Only e2e.mjs --screenshots calls this: a normal run never rewrites committed files.
// Besides the pictures it reports what a picture may hide: a widget whose centre lies beyond the
// canvas's left or right edge (cut off, or only reachable by sideways scrolling), a page wider
// than the window, and a canvas with fewer pixels than the screen (blurry text).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppPage } from './lib/app_page.mjs';
import { tabletPage } from './lib/browser.mjs';

export const SIZES = [
  { width: 768, height: 1024, scale: 2 },
  { width: 1024, height: 768, scale: 2 },
  { width: 390, height: 844, scale: 3 },
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function takeScreenshots(browser, { hubUrl, outDir, log = console.log, consoleLines = [], sizes = SIZES, failDir = null }) {
  mkdirSync(outDir, { recursive: true });
  const notes = [];
  for (const size of sizes) {
    const tag = `${size.width}x${size.height}`;
    const { context, page } = await tabletPage(browser, size, consoleLines);
    const app = new AppPage(page);
    // A finger drag on the right margin of the screen's scrolling list, a third of its height.
    const margin = { x: size.width - 12, y: size.height * 0.8 };
    const dy = -Math.round(size.height * 0.35);

    const shot = async (name) => {
      await app.waitStored(`${name} at ${tag}`);
      // Client bug (reported): in the browser a timed redraw (the toast's end, the lesson
      // clock's next second) waits for the next input. A mouse move in the top-left corner,
      // over nothing, is that input, as the desktop test's xdotool mousemove is.
      await page.mouse.move(1, 1);
      await app.frames(3);
      const s = await app.snapshot();
      const m = (await app.map()).items;
      // Sideways only: a list cut at the bottom edge scrolls, and is meant to.
      const outside = m.filter((i) => i.x < 0 || i.x > s.canvas.width);
      if (outside.length) notes.push(`${name} ${tag}: widgets centred beyond the canvas's left or right edge: ${outside.map((i) => `"${i.label}" at ${i.x},${i.y}`).join('; ')}`);
      if (s.scroll.width > s.scroll.innerWidth) notes.push(`${name} ${tag}: the page scrolls sideways (${s.scroll.width} px wide in a ${s.scroll.innerWidth} px window)`);
      if (s.canvas.width !== Math.round(size.width * size.scale)) notes.push(`${name} ${tag}: the canvas is ${s.canvas.width} px wide, not ${size.width * size.scale} (blurry text)`);
      const file = join(outDir, `${name}_${tag}.png`);
      writeFileSync(file, await page.screenshot({ type: 'png' }));
      log(`    saved ${file}`);
    };

    try {
      await app.open(hubUrl);
      await app.waitScreen('first_run', 'opening the app');
      await shot('first_run');
      await app.typeInto('##name', 'Sam Okafor');
      await app.tap('Start');   // with the demo cycle, the default
      try {
        await app.waitScreen('home', 'Start with the demo', 3000);
      } catch {
        // Client bug (reported): at 390x844 the active name field adds the keyboard inset, the
        // page grows a scrollbar and the chips wrap one more line; the press on Start ends the
        // field, the layout moves back up, and the finger lifts off Start. A second tap works.
        notes.push(`first_run ${tag}: the first tap on Start, with the name field still active, did nothing (the layout moved between press and release); a second tap worked`);
        await app.tap('Start');
        await app.waitScreen('home', 'a second tap on Start');
      }
      // The welcome toast shows for 2.5 s after the last write is kept: wait until the store
      // has been quiet that long (the demo is written in several steps).
      for (let quiet = false; !quiet;) {
        const before = await app.waitStored('the first run');
        await sleep(3000);
        const after = await app.storage();
        quiet = after.changes === before.changes && after.stored === after.changes;
      }
      await shot('home');

      await app.scrollTo('Observe', margin, { dy });
      await app.tap('Observe');
      await app.waitScreen('observe', 'Observe on the demo visit\'s card');
      await app.tap('Start observing');
      await app.waitLabel('Pause', 'Start observing');
      const counter = (await app.map()).items.find((i) => i.label.endsWith('##counter'));
      if (counter) await app.tapAndWaitWrite(counter.label);
      await app.typeInto('##note', 'Dara: "Is it the water or the air that rusts it?"', { enter: true });
      await app.waitStored('a note');
      await shot('observe');
      await app.tap('\u2039 Back');
      await app.waitScreen('home', 'Back from Observe');

      await app.scrollTo('+ Plan an observation', { x: margin.x, y: size.height * 0.3 }, { dy: -dy, extra: 80 });
      await app.tap('+ Plan an observation');
      await app.waitScreen('plan', '+ Plan an observation');
      await app.tap('Participation equity');
      await app.typeInto('##focus_q', 'Who do I call on, and who never speaks?');
      await shot('plan');
      await app.tap('\u2039 Back');
      await app.waitScreen('home', 'Back from Plan');

      await app.tap('Settings');
      await app.waitScreen('settings', 'Settings in Home\'s top bar');
      await shot('settings');
    } catch (e) {
      e.message = `screenshots at ${tag}: ${e.message}`;
      if (failDir) {
        const file = join(failDir, `failed-${tag}.png`);
        writeFileSync(file, await page.screenshot({ type: 'png' }).catch(() => Buffer.alloc(0)));
        e.message += `\n  screen at failure: ${file}`;
      }
      throw e;
    } finally {
      await context.close();
    }
  }
  for (const n of notes) log(`    NOTE: ${n}`);
  return notes;
}
