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

// Records that give every page something to show. The CLI is the store's
// own way in; a command the store refuses is reported and skipped, so the
// pages are still tested on the reference plan alone.
const SEED = [
  ['progress', 'report', '1.1.1', '--party', 'DK', '--status', 'on_track', '--level', 'substantial', '--note', 'Ministerial meeting held; work programme agreed'],
  ['progress', 'report', '1.1.1', '--party', 'KR', '--status', 'on_track', '--level', 'limited', '--note', 'Working group formed'],
  ['progress', 'report', '1.1.2', '--party', 'DK', '--status', 'done', '--level', 'complete'],
  ['meeting', 'add', 'annual-ministerial-meeting-in-green-growth', '--date', '2022-06-15', '--status', 'held', '--place', 'Seoul', '--host', 'KR', '--outcomes', 'Joint statement on offshore wind'],
  ['meeting', 'add', 'annual-ministerial-meeting-in-green-growth', '--date', '2031-05-20', '--status', 'planned', '--place', 'Copenhagen', '--host', 'DK'],
  ['evaluation', 'assess', '1.1.1', '--party', 'DK', '--score', '4'],
  ['evaluation', 'assess', '1.1.1', '--party', 'KR', '--score', '2'],
  ['evaluation', 'assess', '1.1.2', '--party', 'DK', '--score', '5'],
  ['evaluation', 'assess', '1.1.2', '--party', 'KR', '--score', '5'],
  ['revision', 'propose', '--edit', '1.1.1=Hold annual ministerial meetings in the Green Growth Alliance', '--reason', 'mid-term review'],
  ['revision', 'approve', '1', '--party', 'DK'],
  ['revision', 'approve', '1', '--party', 'KR'],
];

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
  if (seed) {
    for (const args of SEED) {
      try {
        execFileSync(bin, [...args, '--database-url', url, '--as', 'e2e'], { stdio: 'pipe' });
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
