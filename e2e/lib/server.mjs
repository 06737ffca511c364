// Starts `jointplan serve` on a free port over a fresh SQLite database,
// seeds a few records through the CLI, and stops it again.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
export const bin = process.env.JOINTPLAN_BIN || join(root, 'target', 'debug', 'jointplan');
export const slug = 'dk-kr-2021-2024';

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

async function waitHealthy(base, child, log) {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log.join('')}`);
    try { if ((await fetch(base + '/healthz')).ok) return; } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('server did not answer /healthz in 30 s');
}

// Every account's password in these tests.
export const PASSWORD = 'e2e-Secret-1';

// The accounts, created as a party's coordinators would through the CLI
// (the operator creates each party's first coordinator), and the leads
// that let the reporters report: MHES leads 1.1.2 for Denmark, MSIT 1.1.3
// for Korea.
const PEOPLE = [
  [null, 'user', 'add', 'mette', '--role', 'coordinator', '--party', 'DK'],
  [null, 'user', 'add', 'jisoo', '--role', 'coordinator', '--party', 'KR'],
  ['mette', 'user', 'add', 'lars', '--role', 'reporter', '--party', 'DK', '--organisation', 'MHES'],
  ['jisoo', 'user', 'add', 'minho', '--role', 'reporter', '--party', 'KR', '--organisation', 'msit'],
  ['mette', 'lead', 'set', '1.1.2', '--party', 'DK', '--lead', 'MHES'],
  ['jisoo', 'lead', 'set', '1.1.3', '--party', 'KR', '--lead', 'msit'],
];

// Records that give every page something to show, each sent as the
// account whose party it is. The CLI is the store's own way in; a command
// the store refuses is reported and skipped, so the pages are still
// tested on the reference plan alone.
const SEED = [
  ['mette', 'progress', 'report', '1.1.1', '--party', 'DK', '--status', 'on_track', '--level', 'substantial', '--note', 'Ministerial meeting held; work programme agreed'],
  ['jisoo', 'progress', 'report', '1.1.1', '--party', 'KR', '--status', 'on_track', '--level', 'limited', '--note', 'Working group formed'],
  ['mette', 'progress', 'report', '1.1.2', '--party', 'DK', '--status', 'done', '--level', 'complete'],
  ['jisoo', 'meeting', 'add', 'annual-ministerial-meeting-in-green-growth', '--date', '2022-06-15', '--status', 'held', '--place', 'Seoul', '--host', 'KR', '--outcomes', 'Joint statement on offshore wind'],
  ['mette', 'meeting', 'add', 'annual-ministerial-meeting-in-green-growth', '--date', '2031-05-20', '--status', 'planned', '--place', 'Copenhagen', '--host', 'DK'],
  ['mette', 'evaluation', 'assess', '1.1.1', '--party', 'DK', '--score', '4'],
  ['jisoo', 'evaluation', 'assess', '1.1.1', '--party', 'KR', '--score', '2'],
  ['mette', 'evaluation', 'assess', '1.1.2', '--party', 'DK', '--score', '5'],
  ['jisoo', 'evaluation', 'assess', '1.1.2', '--party', 'KR', '--score', '5'],
  ['mette', 'revision', 'propose', '--edit', '1.1.1=Hold annual ministerial meetings in the Green Growth Alliance', '--reason', 'mid-term review'],
  ['mette', 'revision', 'approve', '1', '--party', 'DK'],
  ['jisoo', 'revision', 'approve', '1', '--party', 'KR'],
];

// Runs one CLI command on the test database, as `who` (none: the operator).
function cli(url, who, args, input) {
  const as = who ? ['--as', who] : [];
  execFileSync(bin, [...args, '--database-url', url, ...as], { stdio: 'pipe', input });
}

export async function start({ seed = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jointplan-e2e-'));
  const url = `sqlite://${join(dir, 'e2e.db')}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = [];
  const child = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--database-url', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', d => log.push(String(d)));
  child.stderr.on('data', d => log.push(String(d)));
  await waitHealthy(base, child, log);
  const skipped = [];
  for (const [who, ...args] of PEOPLE) {
    const input = args[0] === 'user' ? `${PASSWORD}\n` : undefined;
    cli(url, who, input ? [...args, '--password-stdin'] : args, input);
  }
  if (seed) {
    for (const [who, ...args] of SEED) {
      try {
        cli(url, who, args);
      } catch (e) {
        skipped.push(`${args.slice(0, 2).join(' ')}: ${String(e.stderr || e).trim().split('\n').pop()}`);
      }
    }
    // The server reads the store's generation at most once a second.
    await new Promise(r => setTimeout(r, 1100));
  }
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise(r => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
    return child.exitCode;
  };
  return { base, url, stop, skipped, log };
}
