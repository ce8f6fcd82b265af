// The web client end to end, as a teacher would use it on a tablet (768x1024, 2x, touch), against
// a real hub that serves the page (tests/web/run.sh starts it and sets the environment below):
//   1. first run: her name, Start empty;
//   2. Settings: the hub's address is already filled in (the page's origin), the enrollment code
//      goes in, Connect; then a plan for a visit to her colleague's lesson, with him as the
//      observed teacher (so the hub routes the visit to him);
//   3. Observe: notes (one typed exactly as "Zoë: «¿por qué?»"), tallies, a timer, seat marks;
//   4. everything kept in IndexedDB (changes === stored), the page reloaded, all still there;
//   5. offline: more notes and a tally, the app says it is not synced, the page even reloads
//      from the service worker's copy; online again, Sync now;
//   then the colleague's own device (peerobs-cli: enroll, sync, export) holds every note, tally,
//   timer span and seat mark, the UTF-8 text byte for byte.
// Options: --screenshots also writes docs/screenshots/web/ (screenshots.mjs) and the keys screens'
// docs/screenshots/web_keys_*.png (keys_screenshots.mjs), --only-screenshots skips the scenario,
// --only-keys-screenshots takes only the keys screens' pictures, --verbose logs each tap and drag. PEEROBS_E2E_STRICT=1 fails on the known
// client bugs that knownBug() otherwise only reports.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppPage } from './lib/app_page.mjs';
import { launch, tabletPage } from './lib/browser.mjs';
import { evidenceOf, exportDevice, runCli, stats, writeStoredFiles } from './lib/records.mjs';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run tests/web/run.sh, which starts the hub and sets it`);
  return v;
};
const hubUrl = env('PEEROBS_HUB_URL');
const cli = env('PEEROBS_CLI');
const work = env('PEEROBS_WORK_DIR');
const teacher = { name: env('PEEROBS_TEACHER_NAME'), id: env('PEEROBS_TEACHER_ID'), code: env('PEEROBS_TEACHER_CODE') };
const colleague = { name: env('PEEROBS_COLLEAGUE_NAME'), id: env('PEEROBS_COLLEAGUE_ID'), code: env('PEEROBS_COLLEAGUE_CODE') };
const onlyKeysScreenshots = process.argv.includes('--only-keys-screenshots');
const onlyScreenshots = onlyKeysScreenshots || process.argv.includes('--only-screenshots');
const wantScreenshots = onlyScreenshots || process.argv.includes('--screenshots');

// The palette's status colours (app/ui/theme.cpp, light theme): Home's sync card and top bar
// draw a dot in one of them.
const SUCCESS = 0x1a7f37, DANGER = 0xb42318;

// What the teacher captures, and what must arrive. Labels are the UI map's (app/screens/*.cpp).
const NOTE_UTF8 = 'Zoë: «¿por qué?»';
const NOTE_PLAIN = 'Ali answers the first question';
const NOTE_OFFLINE = 'Offline: the Wi-Fi dropped — still writing, 3 hands up';
const OPEN_Q = 'Open questions (teacher)##counter', CLOSED_Q = 'Closed questions (teacher)##counter';
const FOLLOW_UP_Q = 'Follow-up questions (teacher)##counter';
const TIMER = 'Teacher talk##timer', TIMER_ON = 'Teacher talk  \u2022 on##timer';

const log = (s) => console.log(s);
const verbose = process.argv.includes('--verbose') || !!process.env.PEEROBS_E2E_VERBOSE;
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const consoleLines = [];
const timings = [];
let app;
let stepName = '';

function check(ok, message) {
  if (!ok) throw new Error(message);
}

// A check of client behaviour that is known to be broken (reported, not yet fixed): it prints
// KNOWN CLIENT BUG and the run goes on, unless PEEROBS_E2E_STRICT=1. Once fixed, it says so:
// then turn it into a check().
const strict = process.env.PEEROBS_E2E_STRICT === '1';
const knownBugs = [];
function knownBug(ok, name, message) {
  if (ok) {
    log(`  fixed? "${name}" now behaves: make its knownBug() in e2e.mjs a check()`);
    return;
  }
  if (strict) throw new Error(`${name}: ${message}`);
  knownBugs.push(`${name}: ${message}`);
  log(`  KNOWN CLIENT BUG (not failing the run): ${name}: ${message}`);
}

async function step(name, fn) {
  stepName = name;
  const start = Date.now();
  log(`[${since()}] ${name}`);
  await fn();
  timings.push([name, Date.now() - start]);
}

// The browser's store as IndexedDB keeps it (what a reload starts from), exported by peerobs-cli.
let copies = 0;
async function storedRecords(label) {
  const dir = join(work, `browser-store-${++copies}-${label}`);
  mkdirSync(dir, { recursive: true });
  writeStoredFiles(await app.storedFiles(), dir);
  return { dir, records: exportDevice(cli, dir) };
}

function theObservation(records) {
  const obs = [...(records.live.observation ?? new Map()).entries()];
  check(obs.length === 1, `the browser's store holds ${obs.length} observations, expected the one planned`);
  return obs[0];
}

function expectEvidence(ev, want, where) {
  const texts = ev.notes.map((n) => n.text).sort();
  check(JSON.stringify(texts) === JSON.stringify([...want.notes].sort()),
        `${where}: notes ${JSON.stringify(texts)}, expected ${JSON.stringify(want.notes)}`);
  check(Object.keys({ ...ev.tallies, ...want.tallies }).every((k) => ev.tallies[k] === want.tallies[k]),
        `${where}: tallies ${JSON.stringify(ev.tallies)}, expected ${JSON.stringify(want.tallies)}`);
  check(ev.spans.length === want.spans && ev.spans.every((s) => s.key === 'teacher-talk' && s.end >= s.start && s.start >= 0),
        `${where}: timer spans ${JSON.stringify(ev.spans)}, expected ${want.spans} finished "teacher-talk" span`);
  check(Object.keys({ ...ev.seats, ...want.seats }).every((k) => ev.seats[k] === want.seats[k]),
        `${where}: seat marks ${JSON.stringify(ev.seats)}, expected ${JSON.stringify(want.seats)}`);
}

async function homeDots() {
  const c = await app.countColours([SUCCESS, DANGER]);
  if (verbose) log(`[${since()}] status colours on screen: ${c[SUCCESS]} px green, ${c[DANGER]} px red`);
  return { success: c[SUCCESS], danger: c[DANGER] };
}

async function main() {
  const browser = await launch();
  try {
    if (!onlyScreenshots) await scenario(browser);
    if (wantScreenshots) {
      const { takeScreenshots } = await import('./screenshots.mjs');
      if (!onlyKeysScreenshots) {
        await step('6. screenshots into docs/screenshots/web/', async () => {
          const notes = await takeScreenshots(browser, { hubUrl, outDir: join(env('PEEROBS_ROOT'), 'docs/screenshots/web'),
                                                        log, consoleLines, failDir: work });
          if (notes.length) log(`  ${notes.length} things to look at in the screenshots (NOTE lines above)`);
        });
      }
      const { takeKeysScreenshots } = await import('./keys_screenshots.mjs');
      await step('7. the keys screens into docs/screenshots/web_keys_*.png (a hub of their own per size)', async () => {
        const notes = await takeKeysScreenshots(browser, { hubBin: env('PEEROBS_HUB_BIN'), webDir: env('PEEROBS_WEB_DIR'), cli,
                                                           workDir: work, outDir: join(env('PEEROBS_ROOT'), 'docs/screenshots'),
                                                           log, consoleLines, failDir: work });
        if (notes.length) log(`  ${notes.length} things to look at in the keys screenshots (NOTE lines above)`);
      });
    }
    const errors = consoleLines.filter((l) => l.includes('PAGE ERROR') || l.includes('PAGE CRASHED'));
    check(errors.length === 0, `the page threw:\n${errors.join('\n')}`);
  } catch (e) {
    if (app && !app.page.isClosed()) {
      try {
        const shot = join(work, 'failed.png');
        writeFileSync(shot, await app.page.screenshot());
        e.message += `\n  screen at failure: ${shot}`;
      } catch (e2) {
        e.message += `\n  (no screenshot: ${e2.message})`;
      }
    }
    throw e;
  } finally {
    await browser.close();
  }
}

async function scenario(browser) {
  const { context, page } = await tabletPage(browser, { width: 768, height: 1024, scale: 2 }, consoleLines);
  app = new AppPage(page, { log: verbose ? (s) => log(`[${since()}] ${s.trim()}`) : () => {} });
  let observation = null;
  const want = { notes: [], tallies: {}, spans: 0, seats: {} };

  await step('1. load the app from the hub and do the first run', async () => {
    const first = await app.open(hubUrl);
    check(first.canvas.width === 1536 && first.canvas.height === 2048,
          `the canvas has ${first.canvas.width}x${first.canvas.height} pixels; at 768x1024 CSS px and devicePixelRatio 2 ` +
          'it must have 1536x2048 (text drawn at the screen\'s resolution)');
    check(!first.storage.problem, `the storage reports a problem at start: ${first.storage.problem}`);
    await app.waitScreen('first_run', 'opening the app with an empty store');
    await app.typeInto('##name', teacher.name);
    const prose = (await app.snapshot()).textHelp;
    check(prose && prose.autocorrect === 'on' && prose.autocapitalize === 'sentences' && prose.spellcheck,
          `a name is typed with the keyboard's help (autocorrect, capitals, spelling); the field has ${JSON.stringify(prose)}`);
    await app.tap('Start empty');
    await app.tap('Start');
    await app.waitScreen('home', 'tapping Start on the first run');
    await app.waitStored('the first run');
  });

  await step('2a. enroll through Settings (hub address prefilled, enrollment code typed)', async () => {
    await app.tap('Settings');
    await app.waitScreen('settings', 'tapping Settings in Home\'s top bar');
    await app.find('##hub_url');
    // The address is not typed: Connect stays disabled unless the page filled it in itself.
    await app.typeInto('##code', teacher.code);
    const exact = (await app.snapshot()).textHelp;
    check(exact && exact.autocorrect === 'off' && exact.autocapitalize === 'off' && !exact.spellcheck,
          'an enrollment code is typed exactly: an iPad\'s autocorrect would turn its groups into words; ' +
          `the field has ${JSON.stringify(exact)}`);
    await app.tap('Connect');
    await app.waitFor(async () => (await app.has('Sync now')) || (await app.has('Syncing...')),
                      'Settings to show the hub as connected ("Sync now") after Connect', 20000);
    await app.waitLabel('Sync now', 'the first sync after enrolling', 20000);
    // A successful enrollment reloads who "me" is and may bring Home back by itself.
    if ((await app.map()).name !== 'home') {
      await app.tap('\u2039 Back');
      await app.waitScreen('home', 'Back from Settings');
    }
    const dots = await app.waitFor(async () => { const d = await homeDots(); return d.success > 0 ? d : null; },
                                   'Home to show the green "connected" dot');
    check(dots.danger === 0, `Home shows the red "not synced" colour right after enrolling (${dots.danger} px)`);
  });

  await step('2b. plan a visit to the colleague\'s lesson, the colleague as observed teacher', async () => {
    // The roster's people arrive with the first pull; the plan lists them once they are here.
    for (let attempt = 0; ; attempt++) {
      await app.tap('+ Plan an observation');
      await app.waitScreen('plan', 'tapping + Plan an observation');
      try {
        await app.find(colleague.name, { timeoutMs: 3000 });
        break;
      } catch (e) {
        if (attempt === 3) throw new Error(`the plan never offered ${colleague.name} from the hub's roster: ${e.message}`);
        await app.tap('\u2039 Back');
        await app.waitScreen('home', 'Back from Plan');
        await app.tap('Sync now');
        await app.waitLabel('Sync now', 'Sync now on Home', 20000);
      }
    }
    await app.tap('Questioning');
    await app.typeInto('##focus_q', 'Which of my questions get students reasoning aloud?');
    await app.typeInto('##class', '8B science', { keys: true });
    await app.tap(colleague.name);  // joins as "Observed", the default for people added to a plan of mine
    await app.waitNoLabel(colleague.name, `adding ${colleague.name} to the plan`);
    // Portrait: the data to collect is below the lesson's card; a finger drags the form up
    // (from the card's right margin, where no field is under the finger).
    await app.scrollTo('Seating chart', { x: 740, y: 900 }, { dy: -750 });
    await app.tap('Seating chart');
    await app.tap('Save plan');
    await app.waitScreen('home', 'Save plan');
    await app.waitLabel('Observe', 'saving the plan (its visit card on Home)');
    await app.waitStored('saving the plan');
    const { records } = await storedRecords('planned');
    const [id, obs] = theObservation(records);
    observation = id;
    const people = obs.participants.map((p) => p.person);
    // Roles as core/records.h numbers them: 0 observed teacher, 1 teacher leader.
    check(obs.participants.some((p) => p.person === colleague.id && p.role === 0),
          `the plan's participants ${JSON.stringify(obs.participants)} do not include ${colleague.name} (${colleague.id}, from the roster) as the observed teacher`);
    check(people.includes(teacher.id), `the plan's participants ${JSON.stringify(obs.participants)} do not include ${teacher.name}'s roster id ${teacher.id} (re-keyed at enrollment)`);
    check(records.exportedBy === teacher.id, `the browser's store belongs to ${records.exportedBy}, not to ${teacher.name}'s roster id ${teacher.id}`);
    check(obs.tools.seating.enabled && obs.tools.seating.seats.length > 0, 'the plan was saved without the seating chart');
  });

  await step('3. observe: notes (one with « ¿ » ë), tallies, a timer, seat marks', async () => {
    await app.tap('Observe');
    await app.waitScreen('observe', 'tapping Observe on the visit card');
    await app.tap('Start observing');
    await app.waitLabel('Pause', 'Start observing');
    // With the lesson clock running and no input, the page must still redraw: the clock ticks
    // every second, so three pictures 1.2 s apart must all differ (one redraw for some other
    // reason, a sync report, must not pass for a ticking clock).
    await app.waitStored('Start observing');
    await app.frames(3);
    const picture = async () => createHash('sha1').update(await page.screenshot({ type: 'png' })).digest('hex');
    const pictures = [await picture()];
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      pictures.push(await picture());
    }
    check(pictures[0] !== pictures[1] && pictures[1] !== pictures[2],
          'the lesson clock ticks without input: with the clock running and no input, the screen stayed the same ' +
          'for 1.2 s (a timed wake-up drew no frame)');
    await app.tapAndWaitWrite(OPEN_Q);
    await app.tapAndWaitWrite(OPEN_Q);
    await app.tapAndWaitWrite(CLOSED_Q);
    want.tallies = { 'open-q': 2, 'closed-q': 1 };

    await app.tap('Quote');
    await app.typeInto('##note', NOTE_UTF8, { enter: true });
    want.notes.push(NOTE_UTF8);
    await app.waitStored('saving the first note');
    await app.typeInto('##note', NOTE_PLAIN, { enter: true });
    want.notes.push(NOTE_PLAIN);

    // Portrait: the timers and the seating chart are below the counters, in the tools list
    // under the composer; a finger drags the list up from a counter (a drag that starts on a
    // button scrolls and must not press it: the tallies are counted exactly below).
    const tools = await app.cssPoint(await app.find(OPEN_Q));
    await app.scrollTo(TIMER, tools, { dy: -80 });
    await app.tap(TIMER);
    await app.waitLabel(TIMER_ON, 'starting the Teacher talk timer');
    await app.tap(TIMER_ON);
    await app.waitLabel(TIMER, 'stopping the Teacher talk timer');
    want.spans = 1;
    await app.scrollTo('A1##seat', tools, { dy: -80 });
    await app.waitScreen('observe', 'dragging the tools list (a drag over a button must not press it)');
    await app.tapAndWaitWrite('A1##seat');
    await app.tapAndWaitWrite('A1##seat');
    await app.tapAndWaitWrite('A2##seat');
    want.seats = { r0c0: 2, r0c1: 1 };
    await app.waitStored('capturing');
    const { records } = await storedRecords('observed');
    expectEvidence(evidenceOf(records, observation), want, 'the browser\'s IndexedDB copy after observing');
  });

  await step('4. reload the page: everything is still there', async () => {
    await app.waitStored('capturing, before the reload');
    const before = (await storedRecords('before-reload')).records;
    await app.reload();
    await app.waitScreen('home', 'reloading the page (the store comes back from IndexedDB)');
    await app.waitLabel('Observe', 'the reload (the planned visit\'s card)');
    // The sync at start sends what was captured before the reload: green, never red.
    const dots = await app.waitFor(async () => { const d = await homeDots(); return d.success > 0 ? d : null; },
                                   'Home to show the green "connected" dot after the reload');
    check(dots.danger === 0, `Home shows the red "not synced" colour after the reload, online (${dots.danger} px)`);
    await app.tap('Observe');
    await app.waitScreen('observe', 'tapping Observe after the reload');
    // The lesson clock kept running, and the plan's tools are there (the timers and the
    // seating chart are further down the tools list).
    for (const l of ['Pause', 'End lesson', OPEN_Q, CLOSED_Q, '##note']) await app.find(l);
    await app.waitStored('the reload');
    const after = (await storedRecords('after-reload')).records;
    expectEvidence(evidenceOf(after, observation), want, 'the store after the reload');
    const lost = [...evidenceOf(before, observation).ids].filter((id) => !evidenceOf(after, observation).ids.has(id));
    check(lost.length === 0, `records lost across the reload: ${lost.join(', ')}`);
  });

  await step('5a. offline: capture more, the app keeps working and says it is not synced', async () => {
    await context.setOffline(true);
    await app.waitFor(async () => !(await app.snapshot()).online, 'navigator.onLine to turn false');
    await app.typeInto('##note', NOTE_OFFLINE, { enter: true });
    want.notes.push(NOTE_OFFLINE);
    await app.tapAndWaitWrite(FOLLOW_UP_Q);
    want.tallies['follow-up-q'] = 1;
    await app.waitStored('capturing offline (IndexedDB needs no network)');
    const offline = (await storedRecords('offline-captured')).records;
    expectEvidence(evidenceOf(offline, observation), want, 'the browser\'s IndexedDB copy after capturing offline');
    await app.tap('\u2039 Back');
    await app.waitScreen('home', 'Back from Observe');
    await app.tap('Sync now');
    await app.waitFor(async () => (await homeDots()).danger > 0,
                      'Home to show the red "Not synced right now" dot after Sync now while offline', 20000);
    const { dir } = await storedRecords('offline');
    const s = stats(cli, dir);
    check(s.outbox > 0, `offline, nothing waits in the outbox (stats: ${JSON.stringify(s)})`);
  });

  await step('5b. offline: reload the page, it opens from the service worker\'s copy', async () => {
    await app.reload();
    await app.waitScreen('home', 'reloading while offline');
    await app.waitLabel('Observe', 'reloading while offline (the planned visit\'s card)');
    // The sync at start cannot reach the hub: the app says so rather than hang.
    await app.waitFor(async () => (await homeDots()).danger > 0, 'Home to show the red "not synced" dot after reloading offline', 20000);
    const { records } = await storedRecords('offline-reload');
    expectEvidence(evidenceOf(records, observation), want, 'the store after reloading offline');
  });

  await step('5c. online again: Sync now sends everything', async () => {
    await context.setOffline(false);
    await app.waitFor(async () => (await app.snapshot()).online, 'navigator.onLine to turn true');
    await app.tap('Sync now');
    await app.waitFor(async () => { const d = await homeDots(); return d.danger === 0 && d.success > 0; },
                      'Home to show the green dot again after Sync now online', 20000);
    await app.waitLabel('Sync now', 'the sync to finish', 20000);
    await app.waitStored('the sync');
    const { dir } = await storedRecords('synced');
    const s = stats(cli, dir);
    check(s.outbox === 0, `after syncing online, ${s.outbox} versions still wait in the browser's outbox`);
  });

  await step('5e. Share the cycle report on the Cycle screen: the browser downloads a page to print', async () => {
    await app.tap('Cycle');
    await app.waitScreen('cycle', 'tapping Cycle on the visit card');
    // The share card ends the cycle's list: a finger drags the list up from the middle of it.
    const size = page.viewportSize();
    await app.scrollTo('My own copy', { x: size.width * 0.75, y: size.height * 0.8 }, { dy: -Math.round(size.height * 0.35) });
    const download = page.waitForEvent('download', { timeout: 20000 });
    await app.tap('My own copy');
    const file = await download;
    const name = file.suggestedFilename();
    check(/^cycle-.*-my-copy\.html$/.test(name), `the report was downloaded as "${name}", not cycle-...-my-copy.html`);
    const saved = join(work, name);
    await file.saveAs(saved);
    const html = readFileSync(saved, 'utf8');
    check(html.includes('@page') && html.includes('not an evaluation'), `${name} is not the printable report page`);
    const said = await app.waitFor(async () => (await app.map()).items.find((i) => i.label.startsWith('Downloaded ')),
                                   'the share card to say the report was downloaded');
    check(said.label.includes(name), `the share card says "${said.label}", which does not name ${name}`);
    const offered = await page.evaluate(() => (window.Module && window.Module.peerobsReports) || []);
    check(offered.length === 1 && offered[0].name === name, `the page offered ${JSON.stringify(offered)} for printing`);
    await app.tap('\u2039 Back');
    await app.waitScreen('home', 'Back from the cycle');
  });

  await step('5d. the colleague\'s own device (peerobs-cli) receives every note, tally, span and mark, once the browser granted it the key', async () => {
    const dir = join(work, 'colleague');
    mkdirSync(dir, { recursive: true });
    runCli(cli, dir, ['enroll', '--hub', hubUrl, '--code', colleague.code, '--name', 'colleague laptop']);
    // Bodies travel sealed (docs/encryption.md): the colleague's first sync publishes his key and
    // sets the visit's sealed versions aside; the browser's next sync grants him the visit's key;
    // his next sync opens them all.
    runCli(cli, dir, ['sync']);
    check(!exportDevice(cli, dir).live.observation?.has(observation),
          'the colleague read the visit before any device of a participant granted him its key');
    await app.tap('Sync now');
    // Until the browser's sync has pushed the grant, the colleague's syncs bring nothing to open.
    let records;
    await app.waitFor(async () => {
      runCli(cli, dir, ['sync']);
      records = exportDevice(cli, dir);
      return records.live.observation?.has(observation);
    }, 'the colleague\'s device to open the visit once the browser\'s sync granted him its key', 30000);
    check(records.exportedBy === colleague.id, `the colleague's device belongs to ${records.exportedBy}, not ${colleague.id}`);
    check(records.live.observation?.has(observation), `the colleague did not receive the observation ${observation}`);
    const ev = evidenceOf(records, observation);
    expectEvidence(ev, want, 'the colleague\'s device');
    const utf8 = ev.notes.find((n) => n.text === NOTE_UTF8);
    check(utf8 && Buffer.from(utf8.text, 'utf8').equals(Buffer.from(NOTE_UTF8, 'utf8')), 'the UTF-8 note did not arrive byte for byte');
    check(utf8.kind === 1, `the note "${NOTE_UTF8}" arrived as kind ${utf8.kind}, not as a quote (1)`);
    check(records.conflicts.length === 0, `the colleague's device holds records edited on two devices: ${records.conflicts.join(', ')}`);
    const browser_ = evidenceOf((await storedRecords('final')).records, observation);
    const missing = [...browser_.ids].filter((id) => !ev.ids.has(id));
    check(missing.length === 0, `records in the browser that never reached the colleague: ${missing.join(', ')}`);
  });

  await context.close();
}

try {
  await main();
  for (const [name, ms] of timings) log(`  ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`);
  for (const b of knownBugs) log(`  known client bug: ${b}`);
  log(`PASS (web client e2e) in ${since()}${knownBugs.length ? `, with ${knownBugs.length} known client bug(s) above` : ''}`);
} catch (e) {
  console.error(`\nFAIL (web client e2e) at step "${stepName}" after ${since()}:\n  ${e.message}`);
  console.error(`--- browser console (last 40 lines) ---\n${consoleLines.slice(-40).join('\n')}`);
  process.exit(1);
}
