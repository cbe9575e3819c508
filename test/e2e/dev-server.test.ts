import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { startDevSession, type DevSession } from '../../src/commands/dev.js';
import { EVENTS_PATH, type DevState } from '../../src/dev/client.js';
import { messages } from '../../src/errors/messages.js';
import { createBuildOptions, type BuildOptions } from '../../src/options.js';
import { ROOT, readDefaultText } from '../helpers.js';
import { announceSkip, isBrowserMissing, screenshotDir, startBrowser, waitForReveal } from './support/browser.js';

announceSkip('the dev server in Chromium (test/e2e/dev-server.test.ts)');

const TEXT = readDefaultText();
// Llama 3's units: the table shows "× 2.000", the units chart (slide 7, index 6) a bar labelled "2.000".
const FIGURE = 'units: 2000';
const CHART_SLIDE = 6;

interface Project {
  readonly dataFile: string;
  readonly options: BuildOptions;
  /** Saves the data file with `from` replaced, as an editor would. */
  save(from: string, to: string): void;
}

function createProject(name: string): Project {
  const dir = mkdtempSync(join(tmpdir(), `datadeck-dev-${name}-`));
  const dataFile = join(dir, 'deck.yaml');
  writeFileSync(dataFile, TEXT);
  // No cacheDir: rendered charts must come from this session, not from another test's run.
  const options = createBuildOptions({ dataFile, outDir: join(dir, 'dist'), cacheDir: undefined });
  return { dataFile, options, save: (from, to) => writeFileSync(dataFile, readFileSync(dataFile, 'utf8').replace(from, to)) };
}

interface Events {
  /** The first state from the `from`-th on (by default: the next one to arrive) that `matches`. */
  next(matches: (state: DevState) => boolean, from?: number): Promise<DevState>;
  readonly states: DevState[];
  readonly ended: Promise<void>;
  close(): void;
}

function isDevState(value: unknown): value is DevState {
  return typeof value === 'object' && value !== null && 'version' in value && typeof value.version === 'string' && 'error' in value;
}

/** A Node client of the event stream, as the injected script is in the browser. */
function openEvents(port: number): Promise<Events> {
  return new Promise((resolve, reject) => {
    const waiting: { matches: (state: DevState) => boolean; resolve: (state: DevState) => void }[] = [];
    const states: DevState[] = [];
    let buffer = '';
    const client = get({ host: '127.0.0.1', port, path: EVENTS_PATH }, (response) => {
      const ended = new Promise<void>((done) => response.on('end', done).on('close', done));
      response.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const state: unknown = data === undefined ? undefined : JSON.parse(data);
          if (!isDevState(state)) continue;
          states.push(state);
          for (const waiter of waiting.filter((candidate) => candidate.matches(state))) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(state);
          }
        }
      });
      resolve({
        states,
        ended,
        next: (matches, from = states.length) => {
          const received = states.slice(from).find(matches);
          return received !== undefined
            ? Promise.resolve(received)
            : new Promise((resolveNext) => waiting.push({ matches, resolve: resolveNext }));
        },
        close: () => client.destroy(),
      });
    });
    client.on('error', reject);
  });
}

/** A raw request: the target goes on the wire as written, with no URL normalisation of `..`. */
function fetchRaw(port: number, target: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: target, method }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body }));
    });
    sent.on('error', reject).end();
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server: Server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('datadeck dev: edit the data, the served deck follows', () => {
  const project = createProject('loop');
  const printed: string[] = [];
  const errors: string[] = [];
  let session: DevSession;
  let events: Events;

  beforeAll(async () => {
    session = await startDevSession({
      build: project.options,
      port: 0,
      isPortChosen: true,
      isShared: false,
      print: (line) => printed.push(line),
      printError: (text) => errors.push(text),
    });
    events = await openEvents(session.port);
    await events.next(() => true, 0);
  });

  afterAll(async () => {
    events.close();
    await session.close();
  });

  it('serves the deck on localhost and says where', async () => {
    expect(session.urls).toEqual({ local: `http://localhost:${session.port}/`, network: [] });
    expect(printed).toContain(`  serving http://localhost:${session.port}/`);
    const page = await fetchRaw(session.port, '/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('× 2.000');
  });

  it('sends the reload event after a one-figure save, and then serves the new figure', async () => {
    const before = events.states.at(-1);
    const reload = events.next((state) => state.version !== before?.version);
    project.save(FIGURE, 'units: 2400');
    expect((await reload).error).toBeNull();
    const page = await fetchRaw(session.port, '/');
    expect(page.body).toContain('× 2.400');
    expect(page.body).not.toContain('× 2.000');
    expect(printed.at(-1)).toMatch(/^rows\[4\]\.units 2000 → 2400 · 2 slides, 1 chart · \d+ ms$/);
  });

  it('sees a save made by renaming a new file over the old one, as vim and many editors do', async () => {
    const before = events.states.at(-1);
    const reload = events.next((state) => state.version !== before?.version);
    const temp = `${project.dataFile}.swp-new`;
    writeFileSync(temp, readFileSync(project.dataFile, 'utf8').replace('units: 2400', 'units: 2500'));
    renameSync(temp, project.dataFile);
    await reload;
    expect((await fetchRaw(session.port, '/')).body).toContain('× 2.500');
    const renamed = events.states.at(-1)?.version;
    const restored = events.next((state) => state.version !== renamed);
    project.save('units: 2500', 'units: 2400');
    await restored;
  });

  it('writes the same dist/index.html as npm run build: the live-reload script is only in the response', async () => {
    const built = await buildDeck({ ...project.options, outDir: join(project.options.outDir, '..', 'built') });
    const onDisk = readFileSync(join(project.options.outDir, 'index.html'), 'utf8');
    expect(onDisk).toBe(readFileSync(built.outFile, 'utf8'));
    expect(onDisk).not.toContain(EVENTS_PATH);
    expect((await fetchRaw(session.port, '/')).body).toContain(EVENTS_PATH);
  });

  it('keeps serving the last good deck after an invalid save, and reports it as the CLI does', async () => {
    const version = events.states.at(-1)?.version;
    const failed = events.next((state) => state.error !== null);
    project.save('units: 2400', 'units: diez mil');
    const { error } = await failed;
    const line = readFileSync(project.dataFile, 'utf8').split('\n').indexOf('    units: diez mil') + 1;
    const { message, hint } = messages.expectedWholeNumber('diez mil');
    expect(error).toContain(`${project.dataFile}:${line}:12  rows[4].units\n  ${message}\n  > ${line} |     units: diez mil`);
    expect(error).toContain(`hint: ${hint}`);
    expect(errors.at(-1)).toBe(error);
    expect(events.states.at(-1)?.version).toBe(version);
    expect((await fetchRaw(session.port, '/')).body).toContain('× 2.400');
  });

  it('reloads once the file is fixed, with the error gone', async () => {
    const version = events.states.at(-1)?.version;
    const fixed = events.next((state) => state.error === null);
    project.save('units: diez mil', 'units: 2600');
    expect((await fixed).version).not.toBe(version);
    expect((await fetchRaw(session.port, '/')).body).toContain('× 2.600');
  });
});

describe('datadeck dev: template edits', () => {
  const project = createProject('templates');
  // The units chart as a Vega-Lite file in charts/ next to the data, the way a deck writes a chart by hand.
  project.save('chart: { kind: bars, value: units }', 'chart: accelerator-units');
  mkdirSync(join(dirname(project.dataFile), 'charts'));
  cpSync(
    `${ROOT}test/fixtures/vega-lite-charts/accelerator-units.vl.json`,
    join(dirname(project.dataFile), 'charts', 'accelerator-units.vl.json'),
  );
  const templatesDir = join(project.options.outDir, '..', 'templates');
  cpSync(`${ROOT}templates`, templatesDir, { recursive: true });
  const options = { ...project.options, templatesDir };
  const printed: string[] = [];
  let session: DevSession;
  let events: Events;

  /** Edits a file and waits for the reload it causes. */
  async function editFile(path: string, from: string, to: string): Promise<void> {
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
    const before = events.states.at(-1)?.version;
    const reload = events.next((state) => state.version !== before);
    writeFileSync(path, text.replace(from, to));
    expect((await reload).error).toBeNull();
  }

  beforeAll(async () => {
    session = await startDevSession({
      build: options,
      port: 0,
      isPortChosen: true,
      isShared: false,
      print: (line) => printed.push(line),
      printError: () => {},
    });
    events = await openEvents(session.port);
    await events.next(() => true, 0);
  });

  afterAll(async () => {
    events.close();
    await session.close();
  });

  it('rebuilds when a layout is saved and names the file', async () => {
    await editFile(join(templatesDir, 'layouts/chart.hbs'), '{{caption}}', '{{caption}} (borrador)');
    expect(printed.at(-1)).toMatch(/^templates\/layouts\/chart\.hbs · 5 slides · \d+ ms$/);
    expect((await fetchRaw(session.port, '/')).body.match(/\(borrador\)<\/figcaption>/g)).toHaveLength(5);
  });

  it('renders only the chart whose spec was saved, in charts/ next to the data', async () => {
    const chart = join(dirname(project.dataFile), 'charts', 'accelerator-units.vl.json');
    await editFile(chart, '"summary": "', '"summary": "Borrador: ');
    expect(printed.at(-1)).toMatch(/^\S*charts\/accelerator-units\.vl\.json · 1 slide, 1 chart · \d+ ms$/);
    expect((await fetchRaw(session.port, '/')).body).toContain('aria-label="Borrador: ');
  });
});

describe('datadeck dev: started on data that does not build', () => {
  it('serves a page that shows the error, then the deck once the data is fixed', async () => {
    const project = createProject('broken');
    project.save(FIGURE, 'units: diez mil');
    const errors: string[] = [];
    const session = await startDevSession({
      build: project.options,
      port: 0,
      isPortChosen: true,
      isShared: false,
      print: () => {},
      printError: (text) => errors.push(text),
    });
    try {
      const events = await openEvents(session.port);
      const { error, version } = await events.next(() => true, 0);
      expect(error).toContain('rows[4].units');
      expect(errors).toEqual([error]);
      const waiting = await fetchRaw(session.port, '/');
      expect(waiting.status).toBe(503);
      expect(waiting.body).toContain(EVENTS_PATH);
      const fixed = events.next((state) => state.error === null);
      project.save('units: diez mil', 'units: 2400');
      expect((await fixed).version).not.toBe(version);
      expect(await fetchRaw(session.port, '/')).toMatchObject({ status: 200 });
      events.close();
    } finally {
      await session.close();
    }
  });
});

describe('datadeck dev: serves the output folder and nothing else', () => {
  const project = createProject('files');
  let session: DevSession;

  beforeAll(async () => {
    session = await startDevSession({
      build: project.options,
      port: 0,
      isPortChosen: true,
      isShared: false,
      print: () => {},
      printError: () => {},
    });
    mkdirSync(join(project.options.outDir, 'notes'));
    writeFileSync(join(project.options.outDir, 'notes', 'todo.txt'), 'practise the intro\n');
  });

  afterAll(() => session.close());

  it.each([
    '/../deck.yaml',
    '/%2e%2e/deck.yaml',
    '/%2E%2E%2Fdeck.yaml',
    '/..%2fdeck.yaml',
    '/notes/..%2f..%2fdeck.yaml',
    '//etc/passwd',
    '/.index.html.1.tmp',
    '/missing.html',
  ])('answers %s with 404', async (target) => {
    const response = await fetchRaw(session.port, target);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('meta:');
  });

  it('never lists a folder', async () => {
    expect((await fetchRaw(session.port, '/notes/')).status).toBe(404);
    expect((await fetchRaw(session.port, '/notes')).status).toBe(404);
  });

  it('serves a file in a subfolder with its content type', async () => {
    expect(await fetchRaw(session.port, '/notes/todo.txt')).toEqual({
      status: 200,
      type: 'text/plain; charset=utf-8',
      body: 'practise the intro\n',
    });
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await fetchRaw(session.port, '/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await fetchRaw(session.port, '/', 'POST')).status).toBe(405);
  });

  it('frees the port and ends open event streams when stopped', async () => {
    const { port } = session;
    const events = await openEvents(port);
    expect(await canListen(port)).toBe(false);
    await session.close();
    await events.ended;
    expect(await canListen(port)).toBe(true);
  });
});

describe('datadeck dev from the command line', () => {
  const cli = `${ROOT}lib/main.js`;
  const runDev = (args: readonly string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, 'dev', ...args], { cwd: ROOT });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('stops on Ctrl-C with exit code 0 and frees the port', async () => {
    const project = createProject('cli');
    const child = spawn(process.execPath, [cli, 'dev', '--port', '0', '--data', project.dataFile, '--out', project.options.outDir], {
      cwd: ROOT,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /serving http:\/\/localhost:(\d+)\//.exec(output);
        if (match?.[1] !== undefined) resolve(Number(match[1]));
      });
      void exited.then((code) => reject(new Error(`datadeck dev exited (${code}) before serving:\n${output}`)));
    });
    expect((await fetchRaw(port, '/')).status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await canListen(port)).toBe(true);
  });

  it('refuses a port that is taken, suggesting another', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => {
        const address = blocker.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      }),
    );
    try {
      const project = createProject('taken');
      const { code, stderr } = await runDev(['--port', String(port), '--data', project.dataFile, '--out', project.options.outDir]);
      expect(code).toBe(2);
      expect(stderr).toContain(messages.portInUse(port).message);
      expect(stderr).toContain(`--port ${port + 1}`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number', async () => {
    const { code, stderr } = await runDev(['--port', 'eighty']);
    expect(code).toBe(2);
    expect(stderr).toContain(messages.badPort('eighty').message);
  });
});

describe.skipIf(isBrowserMissing)('datadeck dev in Chromium, under the deck Content-Security-Policy', () => {
  const project = createProject('browser');
  const templatesDir = join(project.options.outDir, '..', 'templates');
  cpSync(`${ROOT}templates`, templatesDir, { recursive: true });
  const problems: string[] = [];
  let session: DevSession;
  let browser: Browser;
  let page: Page;

  const shownSlide = () => page.evaluate(() => Reveal.getIndices().h);
  const chartTexts = () =>
    page.evaluate(
      (index) => Array.from(Reveal.getSlides()[index]?.querySelectorAll('svg text') ?? [], (text) => text.textContent),
      CHART_SLIDE,
    );
  // A mark on the page's window: still there after an update means the slides were swapped in place, not reloaded.
  const markPage = () => page.evaluate(() => document.documentElement.setAttribute('data-test-mark', ''));
  const isMarked = () => page.evaluate(() => document.documentElement.hasAttribute('data-test-mark'));
  /** Saves, then waits until the chart slide shows `label`, however the page got there. */
  async function saveAndWait(from: string, to: string, label: string): Promise<void> {
    project.save(from, to);
    await page.waitForFunction(
      ({ index, text }) =>
        typeof Reveal !== 'undefined' &&
        Reveal.isReady() &&
        Array.from(Reveal.getSlides()[index]?.querySelectorAll('svg text') ?? [], (node) => node.textContent).includes(text),
      { index: CHART_SLIDE, text: label },
    );
  }

  beforeAll(async () => {
    [session, browser] = await Promise.all([
      startDevSession({
        build: { ...project.options, templatesDir },
        port: 0,
        isPortChosen: true,
        isShared: false,
        print: () => {},
        printError: () => {},
      }),
      startBrowser(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${session.urls.local}#/${CHART_SLIDE}`);
    await waitForReveal(page);
  });

  afterAll(async () => {
    await browser?.close();
    await session?.close();
  });

  it('serves the deck with its policy in force', async () => {
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
  });

  it('shows the new figure on save, on the slide it was showing, swapping the slides in place', async () => {
    expect(await shownSlide()).toBe(CHART_SLIDE);
    expect(await chartTexts()).not.toContain('2.400');
    await markPage();
    await saveAndWait(FIGURE, 'units: 2400', '2.400');
    expect(await shownSlide()).toBe(CHART_SLIDE);
    expect(await isMarked()).toBe(true);
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(12);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (next) => Reveal.getIndices().h === next && Reveal.getCurrentSlide() === Reveal.getSlides()[next],
      CHART_SLIDE + 1,
    );
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((back) => Reveal.getIndices().h === back, CHART_SLIDE);
    expect(problems).toEqual([]);
  });

  it('shows a failed save as text over the last good deck, never as markup', async () => {
    project.save('units: 2400', 'units: <img src=x onerror=alert(1)>');
    const overlay = page.locator('#datadeck-dev-overlay');
    await overlay.waitFor();
    const text = await overlay.innerText();
    expect(text).toContain(messages.devBuildFailed().message);
    expect(text).toContain('rows[4].units');
    expect(text).toContain(messages.expectedWholeNumber('<img src=x onerror=alert(1)>').message);
    expect(text).toContain('units: <img src=x onerror=alert(1)>');
    expect(await overlay.locator('img').count()).toBe(0);
    expect(await chartTexts()).toContain('2.400');
    await page.screenshot({ path: join(screenshotDir('dev'), 'error-overlay.png') });
  });

  it('removes the overlay and shows the fixed deck once the file is fixed', async () => {
    await saveAndWait('units: <img src=x onerror=alert(1)>', 'units: 2600', '2.600');
    expect(await page.locator('#datadeck-dev-overlay').count()).toBe(0);
    expect(await shownSlide()).toBe(CHART_SLIDE);
    expect(problems).toEqual([]);
  });

  it('reloads the page, on the same slide, when the save changed more than the slides (the theme)', async () => {
    // reveal writes the URL at most once a second: right after a keypress it can still name the slide before.
    await page.evaluate((stale) => history.replaceState(null, '', `#/${stale}`), CHART_SLIDE + 1);
    await markPage();
    const loaded = page.waitForEvent('load');
    const theme = join(templatesDir, 'themes', 'aula.css');
    writeFileSync(theme, `${readFileSync(theme, 'utf8')}\n.reveal figcaption { letter-spacing: 0.01em; }\n`);
    await loaded;
    await waitForReveal(page);
    expect(await isMarked()).toBe(false);
    expect(await shownSlide()).toBe(CHART_SLIDE);
    expect(await chartTexts()).toContain('2.600');
    expect(problems).toEqual([]);
  });
});
