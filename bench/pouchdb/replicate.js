// The PouchDB half of bench/pouchdb_compare.sh: device A (a local PouchDB) replicates N notes
// to express-pouchdb on loopback, device B replicates them down; prints times and the bytes
// of every request and response body crossing the server, in the same format as bench_sync.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const express = require('express');
const PouchDB = require('pouchdb');

const n = parseInt(process.argv[2] || '10000', 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerobs-pouch-'));
const ServerDB = PouchDB.defaults({ prefix: path.join(dir, 'server-') });
const LocalA = PouchDB.defaults({ prefix: path.join(dir, 'a-') });
const LocalB = PouchDB.defaults({ prefix: path.join(dir, 'b-') });

let bytes = 0;
const app = express();
app.use((req, res, next) => {
  bytes += parseInt(req.headers['content-length'] || '0', 10);  // bodies only, like bench_sync
  const write = res.write.bind(res), end = res.end.bind(res);
  res.write = (chunk, ...rest) => { if (chunk) bytes += Buffer.byteLength(chunk); return write(chunk, ...rest); };
  res.end = (chunk, ...rest) => { if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk); return end(chunk, ...rest); };
  next();
});
app.use('/', require('express-pouchdb')(ServerDB, { mode: 'minimumForPouchDB', logPath: path.join(dir, 'log.txt') }));

const server = app.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/notes`;
  try {
    const a = new LocalA('a'), b = new LocalB('b');
    const obs = 'obs-1';
    const docs = [];
    for (let i = 0; i < n; i++)
      docs.push({ _id: `note-${String(i).padStart(6, '0')}`, type: 'evidence_note', observation: obs, lesson_ms: i * 1500,
                  text: `Student ${i % 28} asked why the plant leaned toward the window (${i})`, kind: 0, look_for_tags: [] });
    await a.bulkDocs(docs);
    await new ServerDB('notes').info();
    bytes = 0;
    let t0 = process.hrtime.bigint();
    await a.replicate.to(new PouchDB(url), { batch_size: 500 });
    const pushMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const pushBytes = bytes;
    bytes = 0;
    t0 = process.hrtime.bigint();
    await b.replicate.from(new PouchDB(url), { batch_size: 500 });
    const pullMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const pullBytes = bytes;
    const rounds = 20;
    t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) { await b.replicate.to(new PouchDB(url)); await b.replicate.from(new PouchDB(url)); }
    const noopMs = Number(process.hrtime.bigint() - t0) / 1e6 / rounds;
    const got = (await b.info()).doc_count;
    console.log(`pouchdb  notes=${n}  push_ms=${pushMs.toFixed(1)}  pull_ms=${pullMs.toFixed(1)}  ` +
                `total_ms=${(pushMs + pullMs).toFixed(1)}  bytes=${pushBytes + pullBytes}  noop_sync_ms=${noopMs.toFixed(2)}  received=${got}`);
  } catch (e) {
    console.error('pouchdb bench failed:', e);
    process.exitCode = 1;
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    setTimeout(() => process.exit(process.exitCode || 0), 200);
  }
});
