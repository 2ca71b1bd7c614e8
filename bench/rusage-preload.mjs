// Preloaded with `node --import` into every measured process: at exit, record the
// whole process's peak resident memory (kilobytes) and CPU time (user + system) in the file named by BENCH_RUSAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RUSAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}
