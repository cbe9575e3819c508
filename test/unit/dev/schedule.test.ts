import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRebuildScheduler } from '../../../src/dev/schedule.js';

interface Run {
  readonly files: readonly string[];
  readonly hasNewer: boolean;
}

/** A scheduler whose rebuilds wait for the test to release them, recording what each was given. */
function createRecorder() {
  const runs: Run[] = [];
  const releases: (() => void)[] = [];
  const scheduler = createRebuildScheduler(async (files, hasNewer) => {
    await new Promise<void>((resolve) => releases.push(resolve));
    runs.push({ files, hasNewer: hasNewer() });
  }, 5);
  // The clock is vitest's: time moves only when a test moves it, so "nothing happened in 20 ms" means what it says.
  const started = async (count: number) => {
    for (let waited = 0; releases.length < count; waited += 1) {
      if (waited > 1_000) throw new Error(`rebuild ${count} never started`);
      await vi.advanceTimersByTimeAsync(1);
    }
  };
  return { runs, releases, scheduler, started };
}

describe('createRebuildScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns a burst of events (an editor writing twice) into one rebuild with each file once', async () => {
    const { runs, releases, scheduler, started } = createRecorder();
    scheduler.notify('data/deck.yaml');
    scheduler.notify('data/deck.yaml');
    scheduler.notify('templates/layouts/chart.hbs');
    await started(1);
    releases[0]?.();
    await scheduler.whenIdle();
    expect(runs).toEqual([{ files: ['data/deck.yaml', 'templates/layouts/chart.hbs'], hasNewer: false }]);
  });

  it('runs one rebuild at a time, then one more for the saves made meanwhile, which the first learns of', async () => {
    const { runs, releases, scheduler, started } = createRecorder();
    scheduler.notify('data/deck.yaml');
    await started(1);
    scheduler.notify('data/deck.yaml');
    scheduler.notify('templates/charts/hardware-cost.vl.json');
    await vi.advanceTimersByTimeAsync(20);
    expect(releases).toHaveLength(1);
    releases[0]?.();
    await started(2);
    releases[1]?.();
    await scheduler.whenIdle();
    expect(runs).toEqual([
      { files: ['data/deck.yaml'], hasNewer: true },
      { files: ['data/deck.yaml', 'templates/charts/hardware-cost.vl.json'], hasNewer: false },
    ]);
  });

  it('starts nothing after cancel, and lets the rebuild in progress finish', async () => {
    const { runs, releases, scheduler, started } = createRecorder();
    scheduler.notify('data/deck.yaml');
    await started(1);
    scheduler.notify('data/deck.yaml');
    scheduler.cancel();
    releases[0]?.();
    await scheduler.whenIdle();
    scheduler.notify('data/deck.yaml');
    await vi.advanceTimersByTimeAsync(20);
    expect(runs).toHaveLength(1);
    expect(releases).toHaveLength(1);
  });
});
