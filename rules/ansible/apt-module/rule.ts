import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf, shortModule, taskGatedAway, styleAt, type AnsibleTask, type YValue } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import type { Fix, TextEdit } from '../../../src/core/types.js';
import { resolveShipped } from '../../../src/rules/support/packages.js';

/** apt arguments that carry over to ansible.builtin.dnf, and their dnf names. */
const DNF_ARGS: Record<string, string> = { name: 'name', pkg: 'pkg', state: 'state', update_cache: 'update_cache', install_recommends: 'install_weak_deps' };
const STATES = new Set(['present', 'absent', 'latest', 'installed', 'removed']);

/** Azure Linux 4.0 names for a Debian package name, if it maps cleanly to supported base packages. */
function cleanMap(name: string): string[] | undefined {
  if (/[{}%]/.test(name)) return undefined;
  const r = resolveShipped(name, 'debian');
  const ok = (r.status === 'same' || r.status === 'renamed' || r.status === 'split') && r.kind === 'equivalent' && r.confidence === 'high' && r.spec.name === name && r.targets.length > 0 && r.targets.every((t) => t.channel === 'base');
  return ok ? r.targets.map((t) => t.name) : undefined;
}

/** Edits replacing one package scalar: inside its quotes; a split into several names becomes list items or a flow list. */
function nameEdits(v: YValue, host: string, inBlockList: boolean): TextEdit[] | undefined {
  if (v.value === undefined || !v.exact) return undefined;
  const names = cleanMap(v.value);
  if (!names) return undefined;
  const style = styleAt(host, v.span);
  if (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE') return undefined;
  const q = style === 'PLAIN' ? '' : host[v.span.start]!;
  if (names.length === 1) return [{ span: v.span, text: `${q}${names[0]}${q}` }];
  if (inBlockList) {
    const lineStart = host.lastIndexOf('\n', v.span.start - 1) + 1;
    const prefix = host.slice(lineStart, v.span.start);
    if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
    const indent = prefix.replace(/-[ \t]+$/, '');
    const nl = host[lineStart - 2] === '\r' ? '\r\n' : '\n';
    return [{ span: v.span, text: names.map((n, i) => (i === 0 ? `${q}${n}${q}` : `${nl}${indent}- ${q}${n}${q}`)).join('') }];
  }
  return [{ span: v.span, text: `[${names.join(', ')}]` }];
}

/**
 * `apt:` task -> `ansible.builtin.dnf:` by splicing only what changes (the module key, install_recommends, the
 * package names): comments, quoting and layout stay. Only when every argument carries over and every name maps
 * to a supported base-channel package.
 */
function aptToDnf(t: AnsibleTask, host: string): Fix | undefined {
  if (t.freeForm || t.args.size === 0 || t.moduleRaw === 'action') return undefined;
  const edits: TextEdit[] = [{ span: t.moduleSpan, text: 'ansible.builtin.dnf' }];
  for (const [key, v] of t.args) {
    const to = DNF_ARGS[key];
    if (!to || !v.keySpan) return undefined;
    if (key === 'state' && (!v.value || !STATES.has(v.value))) return undefined;
    if (to !== key) edits.push({ span: v.keySpan, text: to });
    if (key === 'name' || key === 'pkg') {
      const items = v.items ?? (v.value !== undefined ? [v] : undefined);
      if (!items?.length) return undefined;
      for (const item of items) {
        const e = nameEdits(item, host, v.items !== undefined && host[v.span.start] !== '[');
        if (!e) return undefined;
        edits.push(...e);
      }
    }
  }
  return { title: 'Use ansible.builtin.dnf with Azure Linux 4.0 package names', safety: 'safe', edits };
}

/** An apt task that only refreshes the package cache: `update_cache: true`, maybe `cache_valid_time`, nothing else. */
function refreshOnly(t: AnsibleTask): boolean {
  const keys = [...t.args.keys()];
  return keys.includes('update_cache') && /^(true|yes|1)$/i.test(t.args.get('update_cache')?.value ?? '') && keys.every((k) => k === 'update_cache' || k === 'cache_valid_time');
}

const REPLACEMENT: Record<string, { use: string; note: string }> = {
  apt: { use: 'ansible.builtin.dnf', note: 'Package names differ (see the pkg/* findings); `name`, `state` and `update_cache` carry over, `install_recommends: false` becomes `install_weak_deps: false`, and `cache_valid_time`, `autoclean`, `dpkg_options` have no equivalent.' },
  apt_key: { use: 'ansible.builtin.rpm_key', note: 'Import the vendor\'s RPM signing key (or set `gpgkey:` on the yum_repository task).' },
  apt_repository: { use: 'ansible.builtin.yum_repository', note: 'Point it at the vendor\'s RPM repository; `$releasever` is 4.0 on Azure Linux 4.0, so Fedora/EL repository URLs built on it do not resolve.' },
  deb822_repository: { use: 'ansible.builtin.yum_repository', note: 'Point it at the vendor\'s RPM repository.' },
  dpkg_selections: { use: 'community.general.dnf_versionlock', note: 'Holding a package version is `dnf versionlock` (plugin from dnf5-plugins).' },
  debconf: { use: 'ansible.builtin.lineinfile / template on the service\'s configuration file', note: 'RPM packages have no debconf questions; configure the installed files directly.' },
};

export default defineRule({
  meta: {
    id: 'ansible/apt-module',
    title: 'Ansible apt-family modules fail on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: 'safe',
    kinds: ['ansible'],
    effort: 2,
  },
  create(ctx) {
    return {
      end() {
        const a = ansibleOf(ctx.facts);
        if (!a) return;
        for (const t of a.tasks) {
          const short = shortModule(t.module);
          const r = REPLACEMENT[short];
          if (!r || !/^ansible\.builtin\./.test(t.module) || taskGatedAway(t, a.hasRpmBranch)) continue;
          const gatedDebian = t.gates.length > 0;
          // Refreshing apt's cache on Debian hosts only (molecule's `apt: update_cache=yes` prepare step) asks for no
          // RPM counterpart: dnf refreshes its metadata itself.
          if (gatedDebian && short === 'apt' && refreshOnly(t)) continue;
          ctx.report({
            span: t.moduleSpan,
            message: `${code(t.moduleRaw)} manages Debian packaging, which Azure Linux 4.0 does not have${gatedDebian ? '; this task is gated to Debian-like hosts and no other task in the file covers the RPM family' : ''}.`,
            why: 'Azure Linux 4.0 is Fedora-based and manages packages with dnf5 and RPM; the apt modules need apt, dpkg and python3-apt, none of which exist there.',
            action: `Use ${code(r.use)}. ${r.note}`,
            evidence: `${short} ${t.keywords.get('name')?.value ?? ''} ${[...t.args.keys()].join(',')}`,
            fix: short === 'apt' && t.gates.length === 0 ? aptToDnf(t, ctx.facts.source.text) : undefined,
          });
        }
        // Files written straight into apt's configuration (sources lists, keyrings, preferences).
        for (const t of a.tasks) {
          if (!['copy', 'template', 'get_url', 'lineinfile', 'blockinfile'].includes(shortModule(t.module)) || taskGatedAway(t, a.hasRpmBranch)) continue;
          const d = t.args.get('dest') ?? t.args.get('path');
          if (!d?.value || !/^\/etc\/apt\//.test(d.value)) continue;
          ctx.report({
            span: d.span,
            exact: d.exact,
            message: `${code(shortModule(t.module))} writes ${code(d.value)}, apt configuration that nothing reads on Azure Linux 4.0.`,
            why: 'Azure Linux 4.0 has no apt; dnf5 reads repositories from /etc/yum.repos.d/*.repo and keys from the rpm database.',
            action: 'Use `ansible.builtin.yum_repository` (and `ansible.builtin.rpm_key`) with the vendor\'s RPM repository.',
          });
        }
      },
    };
  },
});
