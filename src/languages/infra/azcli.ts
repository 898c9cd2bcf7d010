import type { ShellCommand, Word } from '../../core/facts.js';
import type { Setting } from './model.js';

/** An option's value word: `--image X` or `--image=X` (then the span is the part after `=`). */
function option(cmd: ShellCommand, names: string[]): Setting | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value ?? w.text;
    for (const n of names) {
      if (v === n && args[i + 1]) return wordSetting(args[i + 1]!);
      if (v.startsWith(`${n}=`)) {
        const raw = w.text;
        const value = w.value?.slice(n.length + 1);
        // `--image=X`, `--image="X"`, `--image='X'`: the span of X when it is written as is.
        const m = /^[^=]+=(["']?)(.*)\1$/s.exec(raw);
        const plain = !!m && value !== undefined && m[2] === value;
        const start = w.span.start + raw.indexOf('=') + 1 + (m?.[1]?.length ?? 0);
        return { value, span: plain ? { start, end: start + value!.length } : w.span, exact: w.exact && plain, keySpan: w.span };
      }
    }
  }
  return undefined;
}

function wordSetting(w: Word): Setting {
  // A quoted word: the span of its contents when the quotes are plain.
  const q = /^(['"])(.*)\1$/s.exec(w.text);
  if (q && w.value === q[2]) return { value: w.value, span: { start: w.span.start + 1, end: w.span.end - 1 }, exact: w.exact };
  return { value: w.value, span: w.span, exact: w.exact && w.value === w.text };
}

export interface AzVm {
  cmd: ShellCommand;
  /** `vm` or `vmss`. */
  group: string;
  image?: Setting;
  size?: Setting;
  securityType?: Setting;
  secureBoot?: Setting;
  osDiskSizeGb?: Setting;
}

/** `az vm create` / `az vmss create` and their image-related options. */
export function azVmCreate(cmd: ShellCommand): AzVm | undefined {
  if (cmd.base !== 'az') return undefined;
  const [g, sub] = cmd.args.map((a) => a.value);
  if ((g !== 'vm' && g !== 'vmss') || sub !== 'create') return undefined;
  return {
    cmd,
    group: g,
    image: option(cmd, ['--image']),
    size: option(cmd, ['--size']),
    securityType: option(cmd, ['--security-type']),
    secureBoot: option(cmd, ['--enable-secure-boot']),
    osDiskSizeGb: option(cmd, ['--os-disk-size-gb']),
  };
}

/** `az aks create`, `az aks nodepool add|update` with their `--os-sku`. */
export function azAksPool(cmd: ShellCommand): { cmd: ShellCommand; osSku?: Setting; what: string } | undefined {
  if (cmd.base !== 'az') return undefined;
  const v = cmd.args.map((a) => a.value);
  if (v[0] !== 'aks') return undefined;
  const what = v[1] === 'create' ? 'az aks create' : v[1] === 'nodepool' && (v[2] === 'add' || v[2] === 'update') ? `az aks nodepool ${v[2]}` : undefined;
  if (!what) return undefined;
  if (what !== 'az aks create' && what !== 'az aks nodepool add' && !option(cmd, ['--os-sku'])) return undefined;
  const os = option(cmd, ['--os-type']);
  if (os?.value && /windows/i.test(os.value)) return undefined;
  return { cmd, osSku: option(cmd, ['--os-sku']), what };
}
