// A peerobs-hub of a test's own: a fresh data folder, people added and codes issued through the
// hub's command line (as run.sh does), served on a free loopback port with the web client. Used
// where a test needs a roster of its own (the keys screenshots: a person's first and second
// device, a colleague with a published key), so one run's keys never show up in another's.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class TestHub {
  // hubBin: build/server/peerobs-hub; webDir: the web client to serve (copied, so a rebuild
  // during the run cannot mix two builds); dir: an empty folder for the hub's data and log.
  constructor({ hubBin, webDir, dir }) {
    this.hubBin = hubBin;
    this.dir = dir;
    this.data = join(dir, 'hub');
    this.web = join(dir, 'web');
    mkdirSync(dir, { recursive: true });
    cpSync(webDir, this.web, { recursive: true });
    this.process = null;
    this.url = '';
  }

  command(args) {
    try {
      return execFileSync(this.hubBin, [args[0], '--data', this.data, ...args.slice(1)],
                          { encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (e) {
      throw new Error(`peerobs-hub ${args.join(' ')} failed (${e.status ?? e.signal}): ${(e.stderr || '') + (e.stdout || '')}`.trim());
    }
  }

  addPerson(name) { return this.command(['add-person', '--name', name]); }
  issueCode(person) { return this.command(['issue-code', '--person', person]); }

  async start() {
    const logFile = join(this.dir, 'hub.log');
    const out = openSync(logFile, 'w');
    this.process = spawn(this.hubBin, ['serve', '--data', this.data, '--listen', '127.0.0.1:0', '--web', this.web],
                         { stdio: ['ignore', out, out] });
    for (let i = 0; i < 100; i++) {
      const port = /^listening on 127\.0\.0\.1:(\d+)/m.exec(readFileSync(logFile, 'utf8'));
      if (port) {
        this.url = `http://127.0.0.1:${port[1]}`;
        return this.url;
      }
      if (this.process.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`the test hub did not start: ${readFileSync(logFile, 'utf8')}`);
  }

  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}
