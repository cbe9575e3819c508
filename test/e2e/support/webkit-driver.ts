import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * WebKitGTK driven by W3C WebDriver (classic: WebKitWebDriver 2.50 has no BiDi), with a small fetch-based client:
 * WebKitWebDriver starts MiniBrowser, which needs an X server: an Xvfb started here, or else the DISPLAY there is.
 */

const COMMAND_TIMEOUT = 30_000;
const SESSION_TIMEOUT = 60_000;

export interface WebKitSession {
  /** Sends one WebDriver command and returns its `value`; a WebDriver error is thrown with its message. */
  command(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** Ends the session (MiniBrowser quits), then stops the driver and the Xvfb this started. */
  close(): Promise<void>;
}

export interface WebKitOptions {
  readonly driverPath: string;
  readonly miniBrowserPath: string;
  /** Every http(s) request goes to this proxy (host:port), which records and refuses it. */
  readonly proxy: string;
  /** Without Xvfb, MiniBrowser opens on DISPLAY. */
  readonly xvfbPath: string | undefined;
}

/** Starts Xvfb (if needed), WebKitWebDriver and one MiniBrowser session; everything started is stopped on failure. */
export async function startWebKit(options: WebKitOptions): Promise<WebKitSession> {
  const started: ChildProcess[] = [];
  // Should the test process end without close(), nothing it started outlives it.
  const killAll = () => {
    for (const child of started) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const stopAll = async () => {
    process.off('exit', killAll);
    await Promise.all(started.reverse().map(stopProcess));
  };
  try {
    // An Xvfb of its own when there is one, so no full-screen window lands on a developer's desktop.
    const display = options.xvfbPath === undefined ? (process.env.DISPLAY ?? '') : await startXvfb(options.xvfbPath, started);
    const port = await findFreePort();
    const driver = spawn(options.driverPath, [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.push(driver);
    const log = collectOutput(driver);
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, driver, log);
    const created = await sendCommand(base, 'POST', '/session', sessionRequest(options), SESSION_TIMEOUT);
    const sessionId = readSessionId(created);
    const session = `${base}/session/${sessionId}`;
    return {
      command: (method, path, body) => sendCommand(session, method, path, body, COMMAND_TIMEOUT),
      close: async () => {
        try {
          await sendCommand(session, 'DELETE', '', undefined, COMMAND_TIMEOUT);
          // MiniBrowser quits after the answer: stopping the driver first would leave it to exit as an orphan.
          await waitForChildren(driver, 10_000);
        } finally {
          await stopAll();
        }
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function sessionRequest(options: WebKitOptions): unknown {
  // --full-screen hides MiniBrowser's toolbar, so the window rect is the viewport, and the window may be narrower
  // than the toolbar's 447 px minimum (a 390 px phone); --proxy covers https too, the proxy capability does not.
  const args = ['--automation', '--full-screen', `--proxy=http://${options.proxy}`];
  return {
    capabilities: {
      alwaysMatch: {
        pageLoadStrategy: 'normal',
        timeouts: { script: COMMAND_TIMEOUT, pageLoad: COMMAND_TIMEOUT, implicit: 0 },
        'webkitgtk:browserOptions': { binary: options.miniBrowserPath, args },
      },
    },
  };
}

function readSessionId(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'sessionId' in value && typeof value.sessionId === 'string') return value.sessionId;
  throw new Error(`WebKitWebDriver answered a new session without an id: ${JSON.stringify(value)}`);
}

async function sendCommand(base: string, method: string, path: string, body: unknown, timeout: number): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const answer: unknown = await response.json();
  const value = typeof answer === 'object' && answer !== null && 'value' in answer ? answer.value : undefined;
  if (!response.ok) {
    const detail = typeof value === 'object' && value !== null && 'message' in value ? String(value.message) : JSON.stringify(answer);
    throw new Error(`WebDriver ${method} ${path || '/'}: ${detail}`);
  }
  return value;
}

async function waitForDriver(base: string, driver: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SESSION_TIMEOUT;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}: ${log()}`);
    const isReady = await sendCommand(base, 'GET', '/status', undefined, 1_000).then(
      () => true,
      () => false,
    );
    if (isReady) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`WebKitWebDriver did not answer within ${SESSION_TIMEOUT} ms: ${log()}`);
}

/** A virtual X display: -displayfd makes Xvfb pick a free display number and print it once it accepts clients. */
async function startXvfb(xvfbPath: string, started: ChildProcess[]): Promise<string> {
  const xvfb = spawn(xvfbPath, ['-displayfd', '1', '-screen', '0', '2560x1600x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(xvfb);
  const log = collectOutput(xvfb);
  let printed = '';
  xvfb.stdout?.setEncoding('utf8');
  const number = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Xvfb printed no display number in ${SESSION_TIMEOUT} ms: ${log()}`)), SESSION_TIMEOUT);
    xvfb.stdout?.on('data', (chunk: string) => {
      printed += chunk;
      if (printed.includes('\n')) {
        clearTimeout(timer);
        resolve(printed.trim());
      }
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${log()}`)));
  });
  return `:${number}`;
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free local port');
  return address.port;
}

/** The last lines a process wrote to stderr, to say why it failed. */
function collectOutput(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-2_000);
  });
  return () => text.trim();
}

/** Waits until `parent` has no child process left (read from /proc: WebKitGTK runs on Linux). */
async function waitForChildren(parent: ChildProcess, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  const hasChildren = () =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .some((pid) => {
        // stat is "pid (name) state ppid …"; the name may hold spaces and parentheses, so read after the last ')'.
        const stat = readProcFile(`/proc/${pid}/stat`);
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent.pid;
      });
  while (hasChildren() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

function readProcFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between the listing and the read.
    return '';
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
