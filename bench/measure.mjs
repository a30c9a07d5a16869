// The benchmarks' one timing method (bench/run.mjs, bench/update.mjs): CPU time of this process
// (user + system), because on a shared machine the process is descheduled for whole milliseconds
// that wall time would count. Calibrate the calls per batch, warm up, then the median of the
// batches, in ns per call.

export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function measurer(batchMs, batches) {
  return function measure(fn) {
    let n = 1;
    for (;;) {
      const t = cpuMs();
      for (let i = 0; i < n; i++) fn();
      if (cpuMs() - t > batchMs / 4) break;
      n *= 2;
    }
    n = Math.max(1, Math.round(n * 4));
    for (let i = 0; i < n; i++) fn();
    const runs = [];
    for (let k = 0; k < batches; k++) {
      const t = cpuMs();
      for (let i = 0; i < n; i++) fn();
      runs.push(((cpuMs() - t) * 1e6) / n);
    }
    runs.sort((a, b) => a - b);
    return runs[batches >> 1];
  };
}
