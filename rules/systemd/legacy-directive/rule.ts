import { defineRule } from '../../../src/core/rule.js';
import { unitsOf } from '../../../src/languages/systemd/index.js';
import { EXEC_KEYS, execCommand } from '../../../src/languages/systemd/parse.js';
import { code } from '../../../src/rules/support/commands.js';

/** cgroup-v1 settings and their cgroup-v2 replacements (systemd.resource-control(5)). */
const CGROUP_V1: Record<string, string> = {
  CPUShares: 'CPUWeight=',
  StartupCPUShares: 'StartupCPUWeight=',
  MemoryLimit: 'MemoryMax=',
  BlockIOAccounting: 'IOAccounting=',
  BlockIOWeight: 'IOWeight=',
  StartupBlockIOWeight: 'StartupIOWeight=',
  BlockIODeviceWeight: 'IODeviceWeight=',
  BlockIOReadBandwidth: 'IOReadBandwidthMax=',
  BlockIOWriteBandwidth: 'IOWriteBandwidthMax=',
};
const DEP_KEYS = new Set(['WantedBy', 'RequiredBy', 'UpheldBy', 'Wants', 'Requires', 'Requisite', 'BindsTo', 'PartOf', 'Upholds', 'After', 'Before', 'Conflicts', 'Alias']);
const RUNLEVEL_TARGET = /^runlevel[0-6]\.target$/;

export default defineRule({
  meta: {
    id: 'systemd/legacy-directive',
    title: 'Unit settings that systemd 258 removed, ignores or deprecates',
    category: 'systemd',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
    unconfirmed: true,
  },
  create(ctx) {
    return {
      end() {
        for (const u of unitsOf(ctx.facts)) {
          for (const d of u.directives) {
            if (EXEC_KEYS.has(d.key) && !d.reset) {
              const ex = execCommand(d);
              if (ex.prefix.includes('!!')) {
                ctx.report({
                  span: ex.prefixSpan,
                  exact: d.exact,
                  message: `The ${code('!!')} prefix of ${d.key}= is ignored by systemd 258: the command runs with the full privileges the unit grants, not the ambient-capability fallback.`,
                  why: 'systemd 258 removed the `!!` command-line prefix ("if specified will be ignored"); it existed for kernels without ambient capabilities.',
                  action: 'Remove `!!`; use `!` if the command must run without the User=/sandboxing credentials, or set AmbientCapabilities=.',
                  evidence: `${d.key}=!!`,
                });
              }
            }
            const v2 = CGROUP_V1[d.key];
            if (v2) {
              ctx.report({
                span: d.keySpan,
                exact: d.exact,
                message: `${d.key}= is a cgroup-v1 setting; Azure Linux 4.0 runs systemd 258, which supports only the unified cgroup-v2 hierarchy.`,
                why: 'systemd 258 removed cgroup v1 (legacy and hybrid hierarchies); v1-only settings are at best translated to their v2 counterparts, and the scale differs (CPUShares 1024 = CPUWeight 100).',
                action: `Use ${code(v2)} instead (check the value's scale), then run \`systemd-analyze verify\` on the unit.`,
              });
            }
            if (DEP_KEYS.has(d.key)) {
              const vt = d.valueSource.text;
              for (const m of vt.matchAll(/\S+/g)) {
                if (!RUNLEVEL_TARGET.test(m[0])) continue;
                const span = d.valueSource.toHost({ start: m.index, end: m.index + m[0].length });
                const n = m[0][8];
                const repl = n === '0' ? 'poweroff.target' : n === '6' ? 'reboot.target' : n === '1' ? 'rescue.target' : n === '5' ? 'graphical.target' : 'multi-user.target';
                ctx.report({
                  span: span.span,
                  exact: span.exact && d.exact,
                  severity: 'info',
                  message: `${m[0]} is a SysV runlevel alias; systemd 258 dropped runlevel targets (Fedora, and so Azure Linux 4.0, patches them back for now).`,
                  why: 'Upstream systemd 258 removed runlevel[0-6].target with the rest of SysV runlevel support; the aliases survive only through a distribution patch.',
                  action: `Use ${code(repl)}.`,
                });
              }
            }
          }
        }
      },
    };
  },
});
