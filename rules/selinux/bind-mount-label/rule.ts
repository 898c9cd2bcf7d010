import { defineRule } from '../../../src/core/rule.js';
import type { Word } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';

const HOST_PATH = /^(\/|\.\.?\/|~|\$)/;
/** A variable alone whose name says it holds a volume (`"${volume_name}:/var/jenkins_home"`): a named volume. */
const NAMED_VOLUME_VAR = /^\$\{?\w*vol\w*\}?$/i;
/** System locations: relabelling them for a container would break the host; they are not reported. */
const SYSTEM = /^\/(etc|usr|proc|sys|dev|run|var\/run|var\/lib\/(docker|containers)|lib|lib64|bin|sbin|boot)(\/|$)|\.sock$/;

/**
 * The volume as written in the file: the host text where the word maps to it exactly (same length as the masked
 * value, so the source/target split still lines up), else the value with masked templates shown as `…`.
 */
function shownText(host: string, w: Word, raw: string): string {
  if (w.exact) {
    const text = host.slice(w.span.start, w.span.end).replace(/^(--volume=|-v)/, '').replace(/^["']|["']$/g, '');
    if (text.length === raw.length) return text;
  }
  return raw.replace(/\$_{3,}/g, '…');
}

export default defineRule({
  meta: {
    id: 'selinux/bind-mount-label',
    title: 'Container bind mount without :z/:Z: SELinux denies the container access to the host directory',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    unconfirmed: true,
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'docker' && cmd.base !== 'podman') return;
        const words = cmd.args;
        let i = 0;
        if (words[0]?.value === 'container') i = 1;
        const sub = words[i]?.value;
        if (sub !== 'run' && sub !== 'create') return;
        const vols: Word[] = [];
        for (let k = i + 1; k < words.length; k++) {
          const v = words[k]!.value ?? words[k]!.text;
          if (v === '-v' || v === '--volume') {
            if (words[k + 1]) vols.push(words[k + 1]!);
            k++;
          } else if (/^--volume=/.test(v) || /^-v\S/.test(v)) vols.push(words[k]!);
          else if (!v.startsWith('-')) break; // the image: the rest is the container's command
        }
        for (const w of vols) {
          const raw = (w.value ?? w.text).replace(/^(--volume=|-v)/, '').replace(/^["']|["']$/g, '');
          const parts = raw.split(':');
          if (parts.length < 2) continue;
          const src = parts[0]!;
          if (!HOST_PATH.test(src) || SYSTEM.test(src) || NAMED_VOLUME_VAR.test(src)) continue;
          const opts = parts.length >= 3 ? parts[parts.length - 1]!.split(',') : [];
          if (opts.includes('z') || opts.includes('Z')) continue;
          const quoted = /["']$/.test(w.text);
          const at = quoted ? w.span.end - 1 : w.span.end;
          // Templates (`{{ playbook_dir }}`) reach the shell masked to the same length: show the file's own text.
          const shown = shownText(ctx.facts.source.text, w, raw);
          const shownSrc = shown.slice(0, src.length);
          ctx.report({
            span: w.span,
            exact: w.exact,
            message: `The bind mount ${code(shown)} has no ${code(':z')}/${code(':Z')}: under SELinux the container cannot read or write ${code(shownSrc)} (Permission denied).`,
            why: 'Azure Linux 4.0 runs SELinux with the targeted policy; containers run as container_t and may only use files labelled container_file_t, so bind-mounted host directories need :z (shared) or :Z (private) to be relabelled. Knowledge sheet §2 "SELinux" (marked UNCONFIRMED there: standard targeted-policy behaviour, not tested on AZL4).',
            action: `Append ${code(':z')} (shared between containers) or ${code(':Z')} (this container only) to the volume, e.g. ${code(parts.length >= 3 ? shown + ',z' : shown + ':z')}. Never relabel system directories (/etc, /usr, /home); mount a dedicated directory instead.`,
            fix: w.exact ? { title: 'Relabel the bind mount for containers (:z)', safety: 'unsafe', edits: [{ span: { start: at, end: at }, text: parts.length >= 3 ? ',z' : ':z' }] } : undefined,
            evidence: raw,
          });
        }
      },
    };
  },
});
