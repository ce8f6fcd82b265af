// Figures for the browser client against a running hub (bench_web.sh starts it): Debian's chromium,
// headless, a tablet-shaped context (768x1024 CSS px, devicePixelRatio 2, touch). Prints each
// figure beside its budget:
//   1. bytes of a first load as sent (CDP encodedDataLength), per file: the page alone (service
//      workers blocked) and a real first visit (the page plus the worker's precache);
//   2. time to the first drawn frame (Module.peerobsFirstFrameMs, ms since navigation start),
//      cold (a fresh context each time) and warm (reloads answered by the service worker);
//   3. capture until kept: a tally tap until IndexedDB holds it (Module.peerobsStorage), and a
//      note saved with Enter, on the first run's example data;
//   4. Observe with 2,000 items (a store made natively, put into IndexedDB before the app loads):
//      frame times (Module.peerobsFrameTimes) while a finger scrolls the timeline, split into the
//      wait in WebGL getParameter (the GPU's time) and the rest; the capture figure on that store.
// Each capture waits for the one before to be kept, so the run takes as long as the app needs.
// Usage: node bench_web.mjs URL STORE_FILE [--only=1,3,4]   (1 covers figures 1 and 2)
import { readFileSync } from 'node:fs';
import os from 'node:os';

import { describe, find, firstFrame, launch, sleep, tablet, tap, typeInto, waitFor, waitScreen, waitStored }
  from './app_page.mjs';

const [url, storeFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = new Set(onlyArg ? onlyArg.slice(7).split(',') : ['1', '3', '4']);
if (!url || !storeFile) {
  console.error('usage: node bench_web.mjs URL STORE_FILE   (bench_web.sh starts the hub and makes the store)');
  process.exit(2);
}

// [SECTION] Budgets (the issue's) and labels (the UI map's, app/screens/*.cpp) -------------------
const BUDGET = { firstLoadBytes: 3e6, coldFirstFrameMs: 1500, frameP99Ms: 8 };
const COUNTER = 'Open questions##counter';  // on the example visit and on make_observe_store's
const RUNS = 5;                             // first-frame loads of each kind
const TALLIES = Number(process.env.PEEROBS_BENCH_TALLIES) || 200, NOTES = 20, BIG_STORE_TALLIES = 20;
const FRAMES = 300, FRAME_SECONDS = 30;     // of finger scrolling on Observe: whichever comes first

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const progress = (s) => process.stderr.write(`  [${elapsed()}] ${s}\n`);
const fmtBytes = (n) => n.toLocaleString('en-US');
const ms = (x) => (x === undefined || x === null ? '-' : x.toFixed(1));
function pct(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(p * v.length))];
}
const median = (values) => pct(values, 0.5);
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');

// [SECTION] 1 and 2: bytes of a first load, time to the first frame ------------------------------
// Every request of the page (and its thread workers) as CDP reports it: URL, status, encoding,
// and encodedDataLength (headers and body, as they came over the wire).
async function recordNetwork(page) {
  const cdp = await page.context().newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(r, { status: e.response.status, encoding: h['content-encoding'] || '', fromSw: e.response.fromServiceWorker });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  await cdp.send('Network.enable');
  return requests;
}

const pathOf = (u) => new URL(u).pathname;

async function serviceWorkerActive(page) {
  // ready resolves once a worker is active; the page is controlled once it claimed it.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitFor(page, () => page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker to control the page');
}

// Bytes: two first loads in fresh contexts. One with service workers blocked gives what the page
// itself fetches; one as a browser does it gives the first visit's real total: the worker installs
// at once and precaches the shell while the page loads, and the two share the HTTP cache, so a
// file is downloaded by whichever asks first and the other gets it from the cache (or a 304).
// Times: RUNS cold loads (fresh context each), then RUNS reloads of the last one once its service
// worker controls it (answered from the worker's cache).
async function bytesOfFirstLoad(browser, serviceWorkers) {
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, hasTouch: true, bypassCSP: true, serviceWorkers,
  });
  const page = await context.newPage();
  const requests = await recordNetwork(page);
  const sw = [];
  const pending = [];
  // The service worker's own requests: Playwright reads the same encodedDataLength on its session.
  context.on('requestfinished', (req) => {
    if (!req.serviceWorker()) return;
    pending.push((async () => {
      const resp = await req.response();
      const sizes = await req.sizes();
      sw.push({ url: req.url(), status: resp?.status(), encoding: (await resp?.headerValue('content-encoding')) || '',
                bytes: sizes.responseHeadersSize + sizes.responseBodySize });
    })());
  });
  await page.goto(`${url}/`, { waitUntil: 'commit' });
  const s = await firstFrame(page, { tolerant: serviceWorkers === 'block' });
  if (serviceWorkers === 'allow') await serviceWorkerActive(page);
  await sleep(300);  // the last loadingFinished events
  await Promise.all(pending);
  await context.close();
  return { page: [...requests.values()], sw, firstFrameMs: s.firstFrameMs };
}

// Where a load's time went: when peerobs.js was requested (boot.js adds it after its storage
// probe) and when the last of peerobs.js/.wasm/.data had arrived (Resource Timing, ms since
// navigation start, like peerobsFirstFrameMs).
async function loadMilestones(page) {
  return page.evaluate(() => {
    const app = performance.getEntriesByType('resource').filter((e) => /\/peerobs\.(js|wasm|data)$/.test(e.name));
    const js = app.find((e) => e.name.endsWith('/peerobs.js'));
    return { jsRequested: js ? js.startTime : NaN, filesIn: Math.max(...app.map((e) => e.responseEnd)) };
  });
}

async function loads(browser) {
  const out = { cold: [], warm: [], coldMilestones: [], warmMilestones: [] };
  out.pageOnly = await bytesOfFirstLoad(browser, 'block');
  out.firstVisit = await bytesOfFirstLoad(browser, 'allow');
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await tablet(browser);
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    out.cold.push((await firstFrame(page)).firstFrameMs);
    out.coldMilestones.push(await loadMilestones(page));
    if (i === RUNS - 1) {
      await serviceWorkerActive(page);
      for (let j = 0; j < RUNS; j++) {
        await page.reload({ waitUntil: 'commit' });
        out.warm.push((await firstFrame(page)).firstFrameMs);
        out.warmMilestones.push(await loadMilestones(page));
      }
    }
    await context.close();
  }
  return out;
}

function printLoads(r) {
  const sum = (list) => list.reduce((a, q) => a + q.bytes, 0);
  const pageOnly = sum(r.pageOnly.page);
  const visitPage = sum(r.firstVisit.page), visitSw = sum(r.firstVisit.sw);
  const total = visitPage + visitSw;
  console.log(`1. First load, bytes as sent (CDP encodedDataLength: headers and body as they came; budget <= ${fmtBytes(BUDGET.firstLoadBytes)} B)`);
  console.log(`   page (and its thread workers), service worker blocked: ${fmtBytes(pageOnly).padStart(10)} B in ${r.pageOnly.page.length} requests   ${verdict(pageOnly <= BUDGET.firstLoadBytes)}`);
  console.log(`   first visit incl. service worker precache:             ${fmtBytes(total).padStart(10)} B   ${verdict(total <= BUDGET.firstLoadBytes)}`);
  console.log(`     of which the page ${fmtBytes(visitPage)} B in ${r.firstVisit.page.length} requests, the worker ${fmtBytes(visitSw)} B in ` +
              `${r.firstVisit.sw.length} (they share the HTTP cache: whichever asks first downloads a file)`);
  const rows = new Map();
  const row = (p) => rows.get(p) || rows.set(p, { only: 0, page: 0, sw: 0, enc: new Set(), st: new Set() }).get(p);
  for (const q of r.pageOnly.page) { const e = row(pathOf(q.url)); e.only += q.bytes; if (q.encoding) e.enc.add(q.encoding); }
  for (const q of r.firstVisit.page) { const e = row(pathOf(q.url)); e.page += q.bytes; e.st.add(`p${q.status ?? '?'}`); }
  for (const q of r.firstVisit.sw) { const e = row(pathOf(q.url)); e.sw += q.bytes; if (q.encoding) e.enc.add(q.encoding); e.st.add(`w${q.status ?? '?'}`); }
  console.log(`   ${'file'.padEnd(26)} ${'page only'.padStart(10)} ${'encoding'.padEnd(8)} ${'visit: page'.padStart(11)} ${'+ worker'.padStart(10)}  statuses (p page, w worker)`);
  for (const [p, e] of [...rows.entries()].sort((a, b) => (b[1].only + b[1].sw) - (a[1].only + a[1].sw))) {
    console.log(`   ${p.padEnd(26)} ${fmtBytes(e.only).padStart(10)} ${([...e.enc].join(',') || '-').padEnd(8)} ${fmtBytes(e.page).padStart(11)} ` +
                `${fmtBytes(e.sw).padStart(10)}  ${[...e.st].join(' ')}`);
  }
  const cold = median(r.cold), warm = median(r.warm);
  console.log(`2. Time to first frame (Module.peerobsFirstFrameMs, ms since navigation start; budget cold <= ${BUDGET.coldFirstFrameMs} ms on loopback)`);
  console.log(`   cold (fresh context, empty cache), median of ${r.cold.length}: ${ms(cold).padStart(7)} ms  [${r.cold.map(ms).join(', ')}]   ${verdict(cold <= BUDGET.coldFirstFrameMs)}`);
  console.log(`   warm (service worker's cache), median of ${r.warm.length}:     ${ms(warm).padStart(7)} ms  [${r.warm.map(ms).join(', ')}]`);
  for (const [name, list] of [['cold', r.coldMilestones], ['warm', r.warmMilestones]]) {
    console.log(`   ${name}, medians: peerobs.js requested at ${ms(median(list.map((m) => m.jsRequested)))} ms (boot.js adds it after its ` +
                `browser checks), peerobs.js/.wasm/.data all in at ${ms(median(list.map((m) => m.filesIn)))} ms; the rest until the ` +
                'first frame is compiling, starting threads, opening the store, fonts, GL setup and the first frames');
  }
}

// [SECTION] 3 and 4: capture until kept ---------------------------------------------------------
// In the page: accessors on Module.peerobsStorage's `changes` and `stored` note when the capture's
// write landed (the first change after arming), how far `changes` went by the end of that task
// (the capture's whole commit: "right after the capture"), and when a finished copy covered it.
// A capture listener notes when the finger lifted as the page saw it (the tap is handled then).
async function installCaptureProbe(page) {
  await page.evaluate(() => {
    const S = window.Module.peerobsStorage;
    const B = (window.__bench = { armed: null });
    let changes = S.changes, stored = S.stored, copying = S.copying;
    Object.defineProperty(S, 'changes', {
      configurable: true, enumerable: true, get: () => changes,
      set: (v) => {
        changes = v;
        const a = B.armed;
        if (a && a.tWrite === undefined && v > a.c0) {
          a.tWrite = performance.now();
          queueMicrotask(() => { a.target = changes; });
        }
      },
    });
    // The copy that includes the capture starts: copyToDatabase sets copying, then takes changes.
    Object.defineProperty(S, 'copying', {
      configurable: true, enumerable: true, get: () => copying,
      set: (v) => {
        copying = v;
        const a = B.armed;
        if (v && a && a.target !== undefined && a.tCopy === undefined && changes >= a.target) a.tCopy = performance.now();
      },
    });
    Object.defineProperty(S, 'stored', {
      configurable: true, enumerable: true, get: () => stored,
      set: (v) => {
        stored = v;
        const a = B.armed;
        if (a && a.target !== undefined && a.tStored === undefined && v >= a.target) {
          a.tStored = performance.now();
          a.resolve();
        }
      },
    });
    const lift = () => { const a = B.armed; if (a && a.tLift === undefined) a.tLift = performance.now(); };
    window.addEventListener('touchend', lift, true);
    window.addEventListener('pointerup', lift, true);
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter') lift(); }, true);
  });
}

// Waits (in the page) until nothing is left to copy, then arms the probe.
async function arm(page) {
  await page.evaluate(async () => {
    const S = window.Module.peerobsStorage;
    for (let i = 0; i < 3000 && (S.changes !== S.stored || S.copying); i++) await new Promise((r) => setTimeout(r, 5));
    if (S.problem) throw new Error(`the storage reports a problem: ${S.problem}`);
    const a = { c0: S.changes };
    a.done = new Promise((resolve) => { a.resolve = resolve; });
    window.__bench.armed = a;
    a.t0 = performance.now();  // last: just before the tap is dispatched
  });
}

async function captured(page) {
  return page.evaluate(async () => {
    const a = window.__bench.armed;
    await Promise.race([a.done, new Promise((resolve) => setTimeout(resolve, 15000))]);
    window.__bench.armed = null;
    return { t0: a.t0, tLift: a.tLift, tWrite: a.tWrite, tCopy: a.tCopy, tStored: a.tStored };
  });
}

// `act(i, arm)` performs one capture (a tap, or Enter in the note field), calling arm() just before
// it. Each starts when the previous one is kept, so none waits behind another's copy.
async function measureCaptures(page, n, act, what) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    await act(i, () => arm(page));
    const r = await captured(page);
    if (r.tStored === undefined) throw new Error(`${what} ${i + 1}: not kept in IndexedDB within 15 s. ${await describe(page)}`);
    rows.push(r);
  }
  return rows;
}

function printCaptures(label, rows) {
  const col = (f) => rows.map(f).filter((x) => typeof x === 'number' && !Number.isNaN(x));
  const line = (name, v) => `     ${name.padEnd(42)} p50 ${ms(pct(v, 0.5)).padStart(6)}  p99 ${ms(pct(v, 0.99)).padStart(6)}  max ${ms(pct(v, 1)).padStart(6)} ms`;
  console.log(`   ${label}, ${rows.length} captures:`);
  console.log(line('tap/Enter dispatched -> kept in IndexedDB', col((r) => r.tStored - r.t0)));
  console.log(line('page saw the lift/Enter -> kept', col((r) => r.tStored - r.tLift)));
  console.log(line('  of which until written (SQLite commit)', col((r) => r.tWrite - r.tLift)));
  console.log(line('  of which written -> kept', col((r) => r.tStored - r.tWrite)));
  console.log(line('    of which written -> its copy starts', col((r) => r.tCopy - r.tWrite)));
  console.log(line('    of which the copy (IndexedDB tx)', col((r) => r.tStored - r.tCopy)));
}

const tapCounter = (page, counter) => async (i, armed) => {
  await armed();
  await page.touchscreen.tap(counter.x / 2, counter.y / 2);
};

async function captures(browser) {
  const { context, page, errors } = await tablet(browser);
  await page.goto(`${url}/?ui-map`, { waitUntil: 'commit' });
  await firstFrame(page);
  await waitScreen(page, 'first_run');
  await typeInto(page, '##name', 'Sam Okafor');
  await tap(page, 'Start');  // with the example visit (the first run's default)
  await waitScreen(page, 'home');
  await waitStored(page, 'the first run');
  await tap(page, 'Observe');
  await waitScreen(page, 'observe');
  await tap(page, 'Start observing');
  await find(page, 'Pause');
  await waitStored(page, 'Start observing');
  await installCaptureProbe(page);
  const counter = await find(page, COUNTER);
  progress(`${TALLIES} tally taps`);
  const tallies = await measureCaptures(page, TALLIES, tapCounter(page, counter), 'tally');
  progress(`${NOTES} notes`);
  await typeInto(page, '##note', 'warming up');
  await page.keyboard.press('Enter');
  await waitStored(page, 'the first note');
  const notes = await measureCaptures(page, NOTES, async (i, armed) => {
    // Typing is not the capture (the draft is not written per key); Enter is.
    if (!(await page.evaluate(() => document.activeElement === document.getElementById('text-input')))) await tap(page, '##note');
    await page.keyboard.insertText(`Pairs compare predictions, note ${i + 1}`);
    await armed();
    await page.keyboard.press('Enter');
  }, 'note');
  const size = await storeSize(page);
  await context.close();
  if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  return { tallies, notes, size };
}

// Bytes the copy writes each time: every file under /data.
async function storeSize(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const name of FS.readdir('/data')) if (name !== '.' && name !== '..') n += FS.stat('/data/' + name).size;
    return n;
  }).catch(() => null);
}

// [SECTION] 4: Observe with 2,000 items ---------------------------------------------------------
async function putStore(page, bytes) {
  await page.goto(`${url}/manifest.webmanifest`);  // any page of the hub's origin can reach its IndexedDB
  await page.evaluate(async (b64) => {
    const bin = atob(b64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('peerobs', 1);  // as platform/web/storage_pre.js opens it
      req.onupgradeneeded = () => req.result.createObjectStore('files');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(`indexedDB.open: ${req.error && req.error.name}`));
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').put(data, '/data/peerobs.sqlite');
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(new Error(`writing IndexedDB: ${tx.error && tx.error.name}`));
    });
    db.close();
  }, bytes.toString('base64'));
}

// Resolves once the app drew another frame (bench frames are counted by splitFrameTimes below).
async function nextAppFrame(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const F = window.__benchFrames, n = F.frames.length, until = performance.now() + 2000;
    const check = () => (F.frames.length > n || performance.now() > until ? resolve() : setTimeout(check, 2));
    check();
  }));
}

// A finger drag on the timeline: down, `steps` moves of `dy` CSS px, each shown in a frame, up.
async function drag(page, cdp, x, y, dy, steps) {
  const touch = (type, yy) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: yy, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
  });
  await touch('touchStart', y);
  await nextAppFrame(page);
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', y + dy * i);
    await nextAppFrame(page);
  }
  await touch('touchEnd', y + dy * steps);
  await nextAppFrame(page);
}

// How long each frame's thread sat in WebGL getParameter: Chrome answers some queries (the
// scissor box, blend state: ImGui's GL3 backend saves them every frame) only after the GPU
// process has finished the work queued before, so the wait there is the GPU's time (SwiftShader's,
// here), not the app's. Each frame time pushed gets its wait beside it.
function splitFrameTimes() {
  const P = WebGL2RenderingContext.prototype, get = P.getParameter;
  let blocked = 0;
  P.getParameter = function (pname) {
    const t = performance.now();
    try { return get.call(this, pname); } finally { blocked += performance.now() - t; }
  };
  window.__benchFrames = { frames: [], start() { blocked = 0; this.frames = []; } };
  window.__benchWatch = (times) => {
    times.push = function (ms) {
      window.__benchFrames.frames.push([ms, blocked]);
      blocked = 0;
      return Array.prototype.push.call(this, ms);
    };
  };
}

async function observeFrames(browser) {
  const { context, page, errors } = await tablet(browser);
  await context.addInitScript(splitFrameTimes);
  await putStore(page, readFileSync(storeFile));
  await page.goto(`${url}/?ui-map`, { waitUntil: 'commit' });
  const first = await firstFrame(page);
  await waitScreen(page, 'home');
  await tap(page, 'Observe');
  await waitScreen(page, 'observe');
  await tap(page, 'Start observing');
  await find(page, 'Pause');
  await waitStored(page, 'Start observing');
  // Portrait (app/screens/observe/observe_screen.cpp): clock and composer stay put, the tools take 55 %
  // of the rest and the timeline the bottom of the screen, below "Timeline · 2000" (its rows are
  // not in the UI map). Its visible rows lie between about 830 and 1024 CSS px here, so the finger
  // goes down at 990 px and moves 140 px (up, then down again).
  const x = 384, yLow = 990, yHigh = 850;
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => {
    window.Module.peerobsFrameTimes = [];
    window.__benchWatch(window.Module.peerobsFrameTimes);
    window.__benchFrames.start();
  });
  const until = Date.now() + FRAME_SECONDS * 1000;
  let drags = 0;
  while (Date.now() < until && (await page.evaluate(() => window.__benchFrames.frames.length)) < FRAMES) {
    const up = drags % 2 === 0;
    await drag(page, cdp, x, up ? yLow : yHigh, (up ? yHigh - yLow : yLow - yHigh) / 10, 10);
    drags++;
  }
  const frames = await page.evaluate(() => window.__benchFrames.frames);
  const times = frames.map(([t]) => t), waits = frames.map(([, w]) => w), own = frames.map(([t, w]) => t - w);

  progress(`${BIG_STORE_TALLIES} tally taps on the 2,000-item store`);
  await installCaptureProbe(page);
  const counter = await find(page, COUNTER).catch(() => null);
  let tallies = [];
  if (counter) tallies = await measureCaptures(page, BIG_STORE_TALLIES, tapCounter(page, counter), 'tally');
  const size = await storeSize(page);
  await context.close();
  if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  return { times, waits, own, drags, firstFrameMs: first.firstFrameMs, tallies, size, counterFound: !!counter };
}

// [SECTION] Run ---------------------------------------------------------------------------------
function printCaptureFigures(c) {
  console.log('3. Capture until kept in IndexedDB (Module.peerobsStorage: stored >= the changes counted right after the ' +
              'capture\'s commit; each capture starts once the previous one is kept; no budget set)');
  console.log(`   on the first run's example data (each copy writes all of /data: ${c.size === null ? '?' : fmtBytes(c.size)} B at the end)`);
  printCaptures('a tally tap ("Open questions") on Observe', c.tallies);
  printCaptures('a note: Enter in the note field (its text typed before)', c.notes);
}

function printFrameFigures(f) {
  const line = (name, v) => `     ${name.padEnd(42)} p50 ${ms(pct(v, 0.5)).padStart(6)}  p99 ${ms(pct(v, 0.99)).padStart(6)}  max ${ms(pct(v, 1)).padStart(6)} ms`;
  const p99 = pct(f.times, 0.99), ownP99 = pct(f.own, 0.99);
  console.log(`4. Observe with 2,000 items (1,000 observations, the store put into IndexedDB before the app loads; first frame ${ms(f.firstFrameMs)} ms)`);
  console.log(`   frame time on the page's thread (Module.peerobsFrameTimes: new frame to GL calls issued), ${f.times.length} frames ` +
              `during ${f.drags} finger drags of 140 CSS px on the timeline; budget p99 <= ${BUDGET.frameP99Ms} ms`);
  console.log(`${line('whole frame', f.times)}   ${verdict(p99 <= BUDGET.frameP99Ms)}`);
  console.log(`${line('  of which waiting in WebGL getParameter', f.waits)}   (for the GPU process: SwiftShader drawing the frame before)`);
  console.log(`${line('  the rest: app, ImGui, GL calls issued', f.own)}   ${verdict(ownP99 <= BUDGET.frameP99Ms)}`);
  if (f.tallies.length) {
    console.log(`   capture until kept on this store (each copy writes all of /data: ${f.size === null ? '?' : fmtBytes(f.size)} B at the end)`);
    printCaptures('a tally tap ("Open questions") on Observe', f.tallies);
  } else {
    console.log(`   (no "${COUNTER}" on screen: captures on this store not measured)`);
  }
}

const browser = await launch();
try {
  console.log(`peerobs web client at ${url}: chromium ${browser.version()} headless, WebGL2 on SwiftShader (CPU only), ` +
              `${os.cpus().length} CPU cores (${os.cpus()[0]?.model.trim()}), load average ${os.loadavg()[0].toFixed(1)}; ` +
              '768x1024 CSS px at devicePixelRatio 2, touch');
  if (only.has('1')) {
    progress(`first loads: bytes, ${RUNS} cold, ${RUNS} warm`);
    printLoads(await loads(browser));
  }
  if (only.has('3')) {
    progress('first run with the example visit, then Observe');
    printCaptureFigures(await captures(browser));
  }
  if (only.has('4')) {
    progress('Observe with 2,000 items');
    printFrameFigures(await observeFrames(browser));
  }
  console.log(`done in ${elapsed()}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min)`);
} finally {
  await browser.close();
}
