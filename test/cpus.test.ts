import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { cgroupCpuLimit, usableCpus } from '../src/cpus.js';
import { KIND_COST_US, MAX_DEFAULT_WORKERS, PARALLEL_THRESHOLD, WORKER_WORK_US, estimatedWorkUs, workerCount } from '../src/scan.js';

/** A reader over a fixed set of files (the rest cannot be read). */
const files = (m: Record<string, string>) => (p: string) => m[p];

describe('the CPU limit of the cgroup', () => {
  it('cgroup v2: cpu.max of the process cgroup and its parents, the smallest, rounded down, at least 1', () => {
    const cg = '0::/kubepods/pod1/ctr\n';
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/kubepods/pod1/ctr/cpu.max': 'max 100000\n' }))).toBeUndefined();
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/kubepods/pod1/ctr/cpu.max': '200000 100000\n' }))).toBe(2);
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/kubepods/pod1/ctr/cpu.max': '150000 100000\n' }))).toBe(1);
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/kubepods/pod1/ctr/cpu.max': '50000 100000\n' }))).toBe(1);
    // A parent's limit applies to its children.
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/kubepods/pod1/ctr/cpu.max': 'max 100000', '/sys/fs/cgroup/kubepods/pod1/cpu.max': '300000 100000' }))).toBe(3);
    // Inside a container's cgroup namespace, the process's cgroup is "/".
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '400000 100000\n' }))).toBe(4);
  });

  it('cgroup v1: cpu.cfs_quota_us / cpu.cfs_period_us of the cpu controller; -1 is no limit', () => {
    const cg = '12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n';
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '-1\n', '/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n' }))).toBeUndefined();
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': cg, '/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '250000\n', '/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n' }))).toBe(2);
    // The hierarchy mounted as /sys/fs/cgroup/cpu only.
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '1:cpu:/azl\n', '/sys/fs/cgroup/cpu/azl/cpu.cfs_quota_us': '100000', '/sys/fs/cgroup/cpu/azl/cpu.cfs_period_us': '100000' }))).toBe(1);
    // A controller other than cpu says nothing about CPUs.
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '3:cpuset:/x\n', '/sys/fs/cgroup/cpuset/x/cpu.cfs_quota_us': '100000', '/sys/fs/cgroup/cpuset/x/cpu.cfs_period_us': '100000' }))).toBeUndefined();
  });

  it('nothing to read, or nonsense, is no limit', () => {
    expect(cgroupCpuLimit(files({}))).toBeUndefined();
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': 'garbage\n\n' }))).toBeUndefined();
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': 'lots\n' }))).toBeUndefined();
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '0 100000\n' }))).toBeUndefined();
  });

  it('usable CPUs: the available ones, no more than the limit', () => {
    expect(usableCpus(files({}))).toBe(availableParallelism());
    expect(usableCpus(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '100000 100000\n' }))).toBe(1);
    expect(usableCpus(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '100000000 100000\n' }))).toBe(availableParallelism());
  });
});

describe('worker threads per scan', () => {
  it('one per PARALLEL_THRESHOLD files, up to the usable CPUs and MAX_DEFAULT_WORKERS, or up to --jobs', () => {
    expect(workerCount(10, undefined, () => 4)).toBe(1);
    expect(workerCount(PARALLEL_THRESHOLD + 1, undefined, () => 4)).toBe(2);
    expect(workerCount(100 * PARALLEL_THRESHOLD, undefined, () => 4)).toBe(4);
    expect(workerCount(100 * PARALLEL_THRESHOLD, undefined, () => 1)).toBe(1);
    expect(workerCount(100 * PARALLEL_THRESHOLD, undefined, () => 64)).toBe(MAX_DEFAULT_WORKERS);
    expect(workerCount(100 * PARALLEL_THRESHOLD, 12, () => 1)).toBe(12);
    expect(workerCount(100 * PARALLEL_THRESHOLD, 1, () => 64)).toBe(1);
    expect(workerCount(10, 4, () => 64)).toBe(1);
    expect(workerCount(0, undefined, () => 4)).toBe(0);
  });

  it('by default, also one per WORKER_WORK_US of estimated work; --jobs asks for its count whatever the work', () => {
    const kinds = (kind: keyof typeof KIND_COST_US, n: number) => Array.from({ length: n }, () => ({ kind }));
    const roles = kinds('ansible', 9900);
    const scripts = kinds('shell', 4696);
    expect(estimatedWorkUs(roles)).toBe(9900 * KIND_COST_US.ansible);
    expect(estimatedWorkUs([...roles, ...scripts], roles.length)).toBe(4696 * KIND_COST_US.shell);
    // The bench's Ansible roles (about 2.5 s of work): one worker, as measured faster on 2 CPUs.
    expect(workerCount(roles.length, undefined, () => 2, estimatedWorkUs(roles))).toBe(1);
    // Its shell scripts (about 6 s): two.
    expect(workerCount(scripts.length, undefined, () => 2, estimatedWorkUs(scripts))).toBe(2);
    expect(workerCount(scripts.length, undefined, () => 8, estimatedWorkUs(scripts))).toBe(Math.ceil(estimatedWorkUs(scripts) / WORKER_WORK_US));
    expect(workerCount(100 * PARALLEL_THRESHOLD, undefined, () => 64, 100 * WORKER_WORK_US)).toBe(MAX_DEFAULT_WORKERS);
    expect(workerCount(10 * PARALLEL_THRESHOLD, undefined, () => 64, 100 * WORKER_WORK_US)).toBe(MAX_DEFAULT_WORKERS);
    expect(workerCount(3 * PARALLEL_THRESHOLD, undefined, () => 64, 100 * WORKER_WORK_US)).toBe(3);
    expect(workerCount(roles.length, 2, () => 2, estimatedWorkUs(roles))).toBe(2);
    expect(workerCount(1, undefined, () => 2, 0)).toBe(1);
  });
});
