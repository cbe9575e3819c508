// Preloaded with --import into a benchmarked CLI run: writes the process's peak resident set size (maxRSS, in
// KiB) to $DATADECK_BENCH_RSS_FILE as it exits. Node has no portable way to read a child's peak from outside.
import { writeFileSync } from 'node:fs';

const file = process.env.DATADECK_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
