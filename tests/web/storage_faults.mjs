// When the browser cannot keep data, the teacher is told in a sentence and nothing already kept is
// lost: (1) a browser whose IndexedDB refuses to open (private browsing) shows the app with the
// problem stated, never a blank canvas; (2) storage full: a save that cannot be kept shows
// "Saving..." and the problem, the stored copy is left as it was, and once space returns the
// next copy completes on its own and survives a reload. Run by run.sh after e2e.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppPage } from './lib/app_page.mjs';
import { launch, tabletPage } from './lib/browser.mjs';

const origin = process.env.PEEROBS_HUB_URL;
if (!origin) throw new Error('PEEROBS_HUB_URL is not set: run tests/web/run.sh');
const started = Date.now();
const log = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
function check(ok, message) {
  if (!ok) throw new Error(`FAIL (storage faults): ${message}`);
}

const browser = await launch();
try {
  // ---- 1. IndexedDB refuses to open ----------------------------------------------------------
  log('1. a browser that keeps no data (IndexedDB refuses to open)');
  {
    const { context, page } = await tabletPage(browser);
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () { throw new DOMException('blocked by the test', 'SecurityError'); };
    });
    const app = new AppPage(page, { log });
    await app.open(origin);
    const s = await app.snapshot();
    check(/keeps no data/.test(s.storage.problem || ''), `the storage problem is stated (got "${s.storage.problem}")`);
    await app.tap('##name');
    await page.keyboard.insertText('Ana Lopes');
    await app.tap('Start empty');
    await app.tap('Start');
    await app.waitScreen('home', 'Start without storage');
    log('   the app works in memory and says that nothing is kept');
    await context.close();
  }

  // ---- 2. storage full, then space again --------------------------------------------------------
  log('2. storage full while saving, then space again');
  {
    const { context, page } = await tabletPage(browser);
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      window.__storageFull = false;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__storageFull) throw new DOMException('the test filled the disk', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const app = new AppPage(page, { log });
    await app.open(origin);
    await app.tap('##name');
    await page.keyboard.insertText('Ana Lopes');
    await app.tap('Start empty');
    await app.tap('Start');
    await app.waitScreen('home', 'Start');
    await app.waitStored('the first run');

    await page.evaluate(() => { window.__storageFull = true; });
    await app.tap('Settings');
    await app.waitScreen('settings', 'tapping Settings');
    await app.tap('Large');  // the text size is a store write
    const full = await app.waitFor(async () => {
      const s = (await app.snapshot()).storage;
      return /full/.test(s.problem || '') ? s : null;
    }, 'the "storage full" sentence after a save that cannot be kept');
    check(full.changes > full.stored, 'the save is not reported as kept while storage is full');
    log(`   "${full.problem.slice(0, 60)}..." and the save waits (changes ${full.changes}, kept ${full.stored})`);
    const whileFull = await app.storedFiles();
    check(whileFull.some((f) => f.path === '/data/peerobs.sqlite' && f.bytes.length > 0),
          'the copy kept before storage filled up is still whole (a failed copy must not empty it)');

    await page.evaluate(() => { window.__storageFull = false; });
    const kept = await app.waitFor(async () => {
      const s = (await app.snapshot()).storage;
      return s.changes === s.stored && !s.problem ? s : null;
    }, 'the next copy to complete on its own once space returns', 15000);
    log(`   space again: everything kept (changes ${kept.changes}) and the sentence gone`);
    const files = await app.storedFiles();
    const db = files.find((f) => f.path === '/data/peerobs.sqlite');
    check(db, 'the stored copy holds the store');
    const path = join(mkdtempSync(join(tmpdir(), 'peerobs-faults-')), 'peerobs.sqlite');
    writeFileSync(path, db.bytes);
    const size = execFileSync('sqlite3', [path, "SELECT value FROM meta WHERE key = 'text_size'"]).toString().trim();
    check(size.startsWith('1.15'), `the save made while storage was full is kept once space returned (text_size "${size}")`);
    await app.reload();
    await app.waitScreen('home', 'reloading after storage was full');
    log('   after a reload: the person is there, and the stored copy has the save made while full');
    await context.close();
  }
  log(`PASS (storage faults) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
} finally {
  await browser.close();
}
