// Drives the peerobs web client in one browser page the way a person would: finds widgets by
// label in the app's UI map (the page is opened with ?ui-map, so Module.peerobsUiMap lists each
// widget drawn and its centre in canvas pixels), taps them with a finger, types through the
// hidden text field, and waits on conditions (the map, the storage state), never on fixed sleeps.
// Every wait that runs out throws an Error saying what was awaited and what the app showed.
//
// page.evaluate is used for every look into the page (it is not subject to the page's CSP);
// Playwright's waitForFunction is not, because it evaluates a string, which the hub's CSP forbids.

// Screen ids, numbered as app/shell/screen.h's ScreenId.
export const SCREENS = ['first_run', 'home', 'plan', 'observe', 'prompt', 'reflect', 'debrief', 'cycle',
                        'coaching_notes', 'settings', 'conflicts', 'match_colleagues', 'recovery_phrase',
                        'restore_key'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function parseUiMap(text) {
  const items = [];
  let screen = -1;
  for (const line of (text || '').split('\n')) {
    if (!line) continue;
    const [label, x, y] = line.split('\t');
    if (label === 'screen') screen = Number(x);
    else items.push({ label, x: Number(x), y: Number(y) });
  }
  return { screen, name: SCREENS[screen] ?? `screen ${screen}`, items };
}

export class AppPage {
  // page: a Playwright Page in a context with hasTouch; log: (text) => void.
  constructor(page, { log = () => {} } = {}) {
    this.page = page;
    this.log = log;
    this.cdp = null;
  }

  // ---- looking -------------------------------------------------------------------------------
  async snapshot() {
    return this.page.evaluate(() => {
      const M = window.Module || {};
      const S = M.peerobsStorage || {};
      const ta = document.getElementById('text-input');
      const status = document.getElementById('status');
      const canvas = document.getElementById('canvas');
      return {
        map: M.peerobsUiMap || '',
        storage: { changes: S.changes, stored: S.stored, copying: S.copying, problem: S.problem, copies: S.copies },
        dpr: window.devicePixelRatio,
        canvas: canvas ? { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight } : null,
        textFocused: !!ta && document.activeElement === ta,
        // What the hidden field lets the on-screen keyboard do (platform/text_input_kind.h).
        textHelp: ta ? { autocorrect: ta.getAttribute('autocorrect'), autocapitalize: ta.getAttribute('autocapitalize'),
                         spellcheck: ta.spellcheck } : null,
        statusHidden: !!status && status.hidden,
        statusText: status ? status.textContent : '',
        online: navigator.onLine,
        scroll: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
                  innerWidth: window.innerWidth, innerHeight: window.innerHeight },
      };
    });
  }

  async map() { return parseUiMap((await this.snapshot()).map); }

  // What the app shows, for error messages: the screen and its labels.
  async describe() {
    try {
      const s = await this.snapshot();
      const m = parseUiMap(s.map);
      const labels = m.items.map((i) => JSON.stringify(i.label)).join(', ');
      const status = s.statusHidden ? '' : ` The page's message box says: "${s.statusText}".`;
      return `The app shows ${m.name} with: ${labels || '(no widgets)'}.${status}`;
    } catch (e) {
      return `(the page could not be read: ${e.message})`;
    }
  }

  // Polls `probe` (async, returns a truthy value when done) until it holds; returns its value.
  async waitFor(probe, what, timeoutMs = 15000) {
    const until = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        last = await probe();
        if (last) return last;
      } catch (e) {
        // The page may be navigating (a reload): try again until the deadline.
        if (!/Execution context was destroyed|navigation|Target closed/i.test(e.message)) throw e;
      }
      if (Date.now() > until) break;
      await sleep(50);
    }
    throw new Error(`waited ${(timeoutMs / 1000).toFixed(0)} s for ${what}, in vain. ${await this.describe()}`);
  }

  // ---- starting ------------------------------------------------------------------------------
  async open(origin) {
    await this.page.goto(`${origin}/?ui-map`, { waitUntil: 'load' });
    return this.waitForFirstFrame();
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    return this.waitForFirstFrame();
  }

  async waitForFirstFrame() {
    return this.waitFor(async () => {
      const s = await this.snapshot();
      if (!s.statusHidden && /could not|stopped|needs|too old|Open peerobs from/i.test(s.statusText))
        throw new Error(`the page says: "${s.statusText}"`);
      return s.statusHidden && s.map ? s : null;
    }, 'the first frame (the message box hidden and a UI map published)', 45000);
  }

  // ---- finding -------------------------------------------------------------------------------
  async find(label, { timeoutMs = 10000 } = {}) {
    return this.waitFor(async () => (await this.map()).items.find((i) => i.label === label), `a widget labelled "${label}"`, timeoutMs);
  }

  async has(label) { return (await this.map()).items.some((i) => i.label === label); }

  async waitScreen(name, why, timeoutMs = 10000) {
    const id = SCREENS.indexOf(name);
    if (id < 0) throw new Error(`unknown screen ${name}`);
    return this.waitFor(async () => (await this.map()).screen === id, `${name} to show after ${why}`, timeoutMs);
  }

  async waitLabel(label, why, timeoutMs = 10000) {
    return this.waitFor(async () => this.has(label), `"${label}" to show after ${why}`, timeoutMs);
  }

  async waitNoLabel(label, why, timeoutMs = 10000) {
    return this.waitFor(async () => !(await this.has(label)), `"${label}" to go away after ${why}`, timeoutMs);
  }

  // ---- touching ------------------------------------------------------------------------------
  async cssPoint(item) {
    const dpr = await this.page.evaluate(() => window.devicePixelRatio);
    return { x: item.x / dpr, y: item.y / dpr };
  }

  // A finger tap on the widget labelled `label`. The page draws at once inside the gesture
  // (pointerup), so when this returns the tap has been handled and the next frames drawn.
  async tap(label, opts) {
    const item = await this.find(label, opts);
    this.log(`    tap "${label}"`);
    const p = await this.cssPoint(item);
    await this.page.touchscreen.tap(p.x, p.y);
    return item;
  }

  // Taps `label` and waits until the store changed (a durable write: a tally, a seat mark).
  async tapAndWaitWrite(label, why) {
    const before = (await this.snapshot()).storage.changes;
    await this.tap(label);
    await this.waitFor(async () => (await this.snapshot()).storage.changes > before,
                       `a write to the store after ${why || `tapping "${label}"`}`);
  }

  async touchSession() {
    if (!this.cdp) this.cdp = await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  // Resolves after the page ran `n` animation frames (the app draws in them).
  async frames(n = 2) {
    await this.page.evaluate((count) => new Promise((resolve) => {
      const next = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
      next(count);
    }), n);
  }

  // A finger drag from (x, y) in CSS pixels by dy (negative = up): down for a frame (the press),
  // one move, then at rest for a frame before lifting. The app flings a list on with the
  // finger's speed in the last frame before it lifts, so a drag that ends moving would go on by
  // a distance that depends on the frame rate (which a busy machine changes). The lift is
  // handled, and drawn, inside its own event (pointerup draws at once).
  async drag(x, y, dy) {
    const cdp = await this.touchSession();
    const touch = (type, yy) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: yy, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
    });
    await touch('touchStart', y);
    await this.frames(1);
    await touch('touchMove', y + dy);
    await this.frames(2);
    await touch('touchEnd', y + dy);
  }

  // Drags the list under `from` (a label on screen, or a CSS point) by dy at a time (negative:
  // the content moves up) until `label` is on screen, then `extra` CSS px further so all of it
  // is (a list shows a widget as soon as a sliver of it is in view, and a tap at the centre of
  // a sliver misses it).
  async scrollTo(label, from, { maxDrags = 8, dy = -250, extra = 50 } = {}) {
    if (await this.has(label)) return this.find(label);
    // Where the finger starts is fixed before the first drag: a label used for it moves away.
    const start = typeof from === 'string' ? await this.cssPoint(await this.find(from)) : from;
    for (let i = 0; i < maxDrags; i++) {
      this.log(`    drag from ${start.x.toFixed(0)},${start.y.toFixed(0)} by ${dy} to find "${label}"`);
      await this.drag(start.x, start.y, dy);
      if (await this.has(label)) {
        if (extra) {
          const way = Math.sign(dy) || -1;
          await this.drag(start.x, start.y, way * extra);
          if (!(await this.has(label))) await this.drag(start.x, start.y, -way * extra / 2);  // went past: half back
        }
        return this.find(label);
      }
    }
    throw new Error(`"${label}" did not come on screen after ${maxDrags} finger drags. ${await this.describe()}`);
  }

  // ---- typing --------------------------------------------------------------------------------
  // Taps a text field, waits until the hidden text field has focus (what brings up a tablet's
  // keyboard), then types: insertText sends the whole string as one input event (an IME or a
  // paste), `keys: true` types it key by key.
  async typeInto(field, text, { keys = false, enter = false } = {}) {
    await this.tap(field);
    await this.waitFor(async () => (await this.snapshot()).textFocused,
                       `the hidden text field to take focus after tapping "${field}"`);
    if (keys) await this.page.keyboard.type(text, { delay: 5 });
    else await this.page.keyboard.insertText(text);
    if (enter) {
      await this.page.keyboard.press('Enter');
      // Client bug (reported): a tap in the first frames after Enter in Observe's note field is
      // often lost (the field takes the keyboard focus back in the frame the button was
      // pressed). A person is slower than two frames; so is this test.
      await this.frames(3);
    }
  }

  // ---- storage -------------------------------------------------------------------------------
  async storage() { return (await this.snapshot()).storage; }

  async waitStored(why, timeoutMs = 15000) {
    return this.waitFor(async () => {
      const s = await this.storage();
      if (s.problem) throw new Error(`the storage reports a problem: ${s.problem}`);
      return s.changes === s.stored && !s.copying ? s : null;
    }, `everything to be kept in IndexedDB (changes === stored) after ${why}`, timeoutMs);
  }

  // The files the page keeps in IndexedDB ("peerobs" database, "files" store), as
  // [{path, bytes: Buffer}] — what a reload starts from.
  async storedFiles() {
    const files = await this.page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open('peerobs');
      req.onerror = () => reject(new Error(`indexedDB.open: ${req.error && req.error.name}`));
      req.onsuccess = () => {
        const db = req.result;
        const out = [];
        const tx = db.transaction('files', 'readonly');
        const cursor = tx.objectStore('files').openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          const bytes = new Uint8Array(c.value);
          let bin = '';
          for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
          out.push({ path: String(c.key), b64: btoa(bin) });
          c.continue();
        };
        tx.oncomplete = () => { db.close(); resolve(out); };
        tx.onerror = () => reject(new Error(`reading IndexedDB: ${tx.error && tx.error.name}`));
      };
    }));
    return files.map((f) => ({ path: f.path, bytes: Buffer.from(f.b64, 'base64') }));
  }

  // ---- pixels --------------------------------------------------------------------------------
  // Counts the canvas pixels of each exact colour (0xRRGGBB) in a screenshot of the page.
  async countColours(colours) {
    const png = await this.page.screenshot({ type: 'png' });
    const { decodePng } = await import('./png.mjs');
    const img = decodePng(png);
    const counts = Object.fromEntries(colours.map((c) => [c, 0]));
    const wanted = new Map(colours.map((c) => [c, c]));
    for (let i = 0; i < img.width * img.height; i++) {
      const o = i * img.channels;
      const rgb = (img.data[o] << 16) | (img.data[o + 1] << 8) | img.data[o + 2];
      if (wanted.has(rgb)) counts[rgb]++;
    }
    return counts;
  }
}
