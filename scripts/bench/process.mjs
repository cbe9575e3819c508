// Whole-process timings: the built CLI spawned with plain node, as a user runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RSS_PRELOAD = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));

/**
 * Runs `node <cli> ...args` (or `node ...args` without a cli) in `cwd` and resolves with its wall time in ms (spawn
 * to exit), and its peak RSS in MiB when `isRssMeasured` (a separate kind of run: the preload that reports it is not
 * in the timed runs).
 */
export function runCli({ cli, args, cwd, isRssMeasured = false, env: baseEnv = process.env }) {
  const rssDir = isRssMeasured ? mkdtempSync(join(tmpdir(), 'datadeck-rss-')) : undefined;
  const rssFile = rssDir && join(rssDir, 'maxrss');
  const nodeArgs = cli === undefined ? args : isRssMeasured ? ['--import', RSS_PRELOAD, cli, ...args] : [cli, ...args];
  const env = rssFile ? { ...baseEnv, DATADECK_BENCH_RSS_FILE: rssFile } : baseEnv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`node ${nodeArgs.join(' ')} exited with ${code}:\n${stderr}`));
      const rssMiB = rssFile ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
      if (rssDir) rmSync(rssDir, { recursive: true, force: true });
      resolve({ ms, rssMiB });
    });
  });
}

/** `warmups` unmeasured runs, then `runs` measured ones, each after `before()` (e.g. emptying a cache). */
export async function repeat({ runs, warmups = 1, before = () => {}, run }) {
  const samples = [];
  for (let index = 0; index < warmups + runs; index += 1) {
    await before();
    const sample = await run();
    if (index >= warmups) samples.push(sample);
  }
  return samples;
}
