import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * How many CPUs this process may use: the CPUs it may run on (os.availableParallelism(), which follows the
 * affinity mask), further limited by a CPU quota of its control group.
 *
 * A container with a CPU limit (Kubernetes `resources.limits.cpu`, `docker run --cpus`) still sees every CPU of
 * the host: only the cgroup's CFS quota says how much of them it gets, and Node 20's availableParallelism() does not
 * read it. A scan on a 64-CPU node limited to one CPU would start eight workers, each loading and compiling the
 * analyzer for itself, all sharing that one CPU.
 */
export function usableCpus(read: (path: string) => string | undefined = readText): number {
  const quota = cgroupCpuLimit(read);
  const cpus = availableParallelism();
  return quota === undefined ? cpus : Math.max(1, Math.min(cpus, quota));
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The CPU limit of this process's cgroup and its ancestors, in whole CPUs (rounded down, at least 1), or undefined
 * when there is none or it cannot be read. Reads only /proc/self/cgroup and the cgroup files under /sys/fs/cgroup.
 *
 * - cgroup v2: `cpu.max` holds "<quota> <period>" or "max <period>" (Linux admin-guide/cgroup-v2.rst).
 * - cgroup v1: `cpu.cfs_quota_us` (-1: no limit) and `cpu.cfs_period_us` in the `cpu` controller's hierarchy
 *   (Linux scheduler/sched-bwc.rst).
 * Inside a container the cgroup namespace makes the container's own cgroup the root, so "/" is checked too.
 */
export function cgroupCpuLimit(read: (path: string) => string | undefined = readText): number | undefined {
  const self = read('/proc/self/cgroup');
  if (self === undefined) return undefined;
  let best: number | undefined;
  const consider = (quota: number, period: number) => {
    if (!(quota > 0) || !(period > 0)) return;
    const cpus = Math.max(1, Math.floor(quota / period));
    best = best === undefined ? cpus : Math.min(best, cpus);
  };
  for (const line of self.split('\n')) {
    // hierarchy-ID:controller-list:cgroup-path
    const m = /^\d+:([^:]*):(\/.*)$/.exec(line.trim());
    if (!m) continue;
    const controllers = m[1]!;
    const v2 = controllers === '';
    if (!v2 && !controllers.split(',').includes('cpu')) continue;
    // v1 mounts the hierarchy under its controller list ("cpu,cpuacct"), usually also linked as "cpu".
    const bases = v2 ? ['/sys/fs/cgroup'] : [...new Set([`/sys/fs/cgroup/${controllers}`, '/sys/fs/cgroup/cpu'])];
    for (const dir of ancestors(m[2]!)) {
      for (const base of bases) {
        if (v2) {
          const max = read(`${base}${dir}/cpu.max`)?.trim().split(/\s+/);
          if (max && max[0] !== 'max') consider(Number(max[0]), Number(max[1] ?? 100000));
          continue;
        }
        const quota = read(`${base}${dir}/cpu.cfs_quota_us`);
        const period = read(`${base}${dir}/cpu.cfs_period_us`);
        if (quota === undefined || period === undefined) continue;
        consider(Number(quota.trim()), Number(period.trim()));
        break;
      }
    }
  }
  return best;
}

/** "/a/b" -> ["/a/b", "/a", ""]: the cgroup's folder and each parent's, the root as "". */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push(i === 0 ? '' : `/${parts.slice(0, i).join('/')}`);
  return out;
}
