import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Whether this run may write goldens: only when asked (UPDATE_GOLDEN=1) and never under CI, where a missing
 * or different golden must fail. A golden that writes itself would approve anything.
 */
export function isUpdatingGoldens(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.UPDATE_GOLDEN === '1' && env.CI !== 'true' && env.CI !== '1';
}

/** The stored golden for `actual`; written first only when updating. `suite` names the test file to re-run. */
export function readGolden(
  file: string,
  actual: string,
  suite: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (isUpdatingGoldens(env)) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`No golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run ${suite} and review it by eye.`);
  return readFileSync(file, 'utf8');
}
