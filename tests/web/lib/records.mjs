// Reads what a device holds through the desktop tool: `peerobs-cli export` on a data folder
// (a browser's IndexedDB copy written out to disk, or a colleague's CLI device), and sums the
// export up as live records by type. The export format is docs/export_format.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function runCli(cli, dataDir, args, { timeoutMs = 30000 } = {}) {
  try {
    return execFileSync(cli, ['--data', dataDir, ...args], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`peerobs-cli --data ${dataDir} ${args.join(' ')} failed (${e.status ?? e.signal}): ${(e.stderr || '') + (e.stdout || '')}`.trim());
  }
}

// Writes the browser's stored files (paths under /data) into `dir`, as the data folder they are.
export function writeStoredFiles(files, dir) {
  if (!files.some((f) => f.path === '/data/peerobs.sqlite'))
    throw new Error(`IndexedDB holds no /data/peerobs.sqlite (it holds: ${files.map((f) => f.path).join(', ') || 'nothing'})`);
  for (const f of files) {
    if (!f.path.startsWith('/data/')) throw new Error(`IndexedDB holds a file outside /data: ${f.path}`);
    const to = join(dir, f.path.slice('/data/'.length));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, f.bytes);
  }
}

// Live records (heads that are not tombstones) by type: {type: Map(recordId -> body)}, plus
// the raw export and the records edited on two devices (more than one head).
export function liveRecords(exportJson) {
  const byRecord = new Map();
  for (const v of exportJson.versions) {
    if (!byRecord.has(v.record)) byRecord.set(v.record, []);
    byRecord.get(v.record).push(v);
  }
  const live = {};
  const conflicts = [];
  for (const [record, versions] of byRecord) {
    const parents = new Set(versions.flatMap((v) => v.parents || []));
    const heads = versions.filter((v) => !parents.has(v.version));
    if (heads.length > 1) conflicts.push(record);
    const head = heads[heads.length - 1];
    if (!head || head.tombstone) continue;
    (live[head.type] ??= new Map()).set(record, head.body);
  }
  return { live, conflicts, exportedBy: exportJson.exported_by, versions: exportJson.versions.length };
}

export function exportDevice(cli, dataDir) {
  const out = join(dataDir, 'export.json');
  runCli(cli, dataDir, ['export', '--out', out]);
  return liveRecords(JSON.parse(readFileSync(out, 'utf8')));
}

// `peerobs-cli stats` as {name: number}.
export function stats(cli, dataDir) {
  const text = runCli(cli, dataDir, ['stats']);
  return Object.fromEntries(text.trim().split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p.length === 2).map(([k, v]) => [k, Number(v)]));
}

// What the scenario captured, from an export: note texts, tallies per counter, timer spans,
// seat marks per seat, all within one observation.
export function evidenceOf(records, observation) {
  const inObs = (type) => [...(records.live[type] ?? new Map()).entries()].filter(([, b]) => b.observation === observation);
  const countBy = (list, key) => list.reduce((acc, [, b]) => ((acc[b[key]] = (acc[b[key]] ?? 0) + 1), acc), {});
  return {
    notes: inObs('evidence_note').map(([id, b]) => ({ id, text: b.text, kind: b.kind })),
    tallies: countBy(inObs('tally'), 'counter_key'),
    spans: inObs('timer_span').map(([id, b]) => ({ id, key: b.timer_key, start: b.start_ms, end: b.end_ms })),
    seats: countBy(inObs('seat_mark'), 'seat_key'),
    ids: new Set(['evidence_note', 'tally', 'timer_span', 'seat_mark'].flatMap((t) => inObs(t).map(([id]) => `${t}:${id}`))),
  };
}
