/** Editors write a file in bursts (truncate, write, rename); one rebuild follows once the events pause this long. */
export const SETTLE_MS = 10;

export interface RebuildScheduler {
  /** A file changed: rebuild after the burst settles, or after the rebuild in progress. */
  notify(file: string): void;
  /** Resolves when no rebuild is waiting or running. */
  whenIdle(): Promise<void>;
  /** Drops a waiting rebuild; one in progress finishes. */
  cancel(): void;
}

/**
 * Rebuilds one at a time with the files changed since the last one. `hasNewer` tells `run`'s caller whether
 * more saves arrived while it ran, so a failure caused by reading a half-written file can be left unreported.
 */
export function createRebuildScheduler(
  run: (files: readonly string[], hasNewer: () => boolean) => Promise<void>,
  settleMs = SETTLE_MS,
): RebuildScheduler {
  let files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isCancelled = false;

  const start = (): void => {
    timer = undefined;
    if (running !== undefined || isCancelled) return;
    const batch = [...files];
    files = new Set();
    running = run(batch, () => files.size > 0).finally(() => {
      running = undefined;
      if (files.size > 0 && timer === undefined) start();
    });
  };

  return {
    notify(file) {
      if (isCancelled) return;
      files.add(file);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(start, settleMs);
    },
    async whenIdle() {
      while (timer !== undefined || running !== undefined) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, settleMs)));
      }
    },
    cancel() {
      isCancelled = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
