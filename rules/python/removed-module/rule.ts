import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { pythonOf } from '../../../src/languages/python/index.js';

interface Removed {
  since: '3.12' | '3.13';
  instead: string;
}

/** Modules removed from the standard library in 3.12 and 3.13 (PEP 594, PEP 632), with what to use instead. */
export const REMOVED: Record<string, Removed> = {
  distutils: { since: '3.12', instead: '`setuptools` (python3-setuptools), `packaging.version.Version` for LooseVersion/StrictVersion (python3-packaging), `shutil.which` for find_executable, `sysconfig` for paths' },
  imp: { since: '3.12', instead: '`importlib` (`importlib.util.spec_from_file_location`, `importlib.reload`); the python3-zombie-imp shim is rpm-sdk only' },
  asynchat: { since: '3.12', instead: '`asyncio`; the python3-pyasynchat shim is rpm-sdk only' },
  asyncore: { since: '3.12', instead: '`asyncio`; the python3-pyasyncore shim is rpm-sdk only' },
  smtpd: { since: '3.12', instead: '`aiosmtpd` (pip)' },
  aifc: { since: '3.13', instead: 'a third-party audio library (e.g. `soundfile`)' },
  audioop: { since: '3.13', instead: '`audioop-lts` (pip) or numpy' },
  cgi: { since: '3.13', instead: '`urllib.parse.parse_qs` and `email.message` (multipart); the python3-legacy-cgi package is rpm-sdk only' },
  cgitb: { since: '3.13', instead: '`traceback` / `faulthandler`; python3-legacy-cgi (rpm-sdk) also has cgitb' },
  chunk: { since: '3.13', instead: 'a few lines of `struct` code' },
  crypt: { since: '3.13', instead: '`crypt_r` from python3-crypt-r (rpm-base), or `passlib`/`bcrypt`' },
  imghdr: { since: '3.13', instead: '`filetype` or `puremagic` (pip), or Pillow\'s `Image.open().format`' },
  mailcap: { since: '3.13', instead: '`mimetypes`' },
  msilib: { since: '3.13', instead: 'nothing on Linux (Windows-only)' },
  nis: { since: '3.13', instead: 'nothing in the standard library (NIS is obsolete)' },
  nntplib: { since: '3.13', instead: '`pynntp` (pip)' },
  ossaudiodev: { since: '3.13', instead: 'a third-party audio library' },
  pipes: { since: '3.13', instead: '`shlex.quote` and `subprocess`' },
  sndhdr: { since: '3.13', instead: '`filetype` (pip)' },
  spwd: { since: '3.13', instead: 'PAM (`python-pam`) or `pwd` (no shadow access)' },
  sunau: { since: '3.13', instead: 'a third-party audio library' },
  telnetlib: { since: '3.13', instead: '`telnetlib3` or `Exscript` (pip), or SSH' },
  uu: { since: '3.13', instead: '`base64` / `binascii`' },
  xdrlib: { since: '3.13', instead: 'a third-party XDR library or `struct`' },
  lib2to3: { since: '3.13', instead: '`libcst` or `parso` for code rewriting' },
  'tkinter.tix': { since: '3.13', instead: '`tkinter.ttk`' },
};

export default defineRule({
  meta: {
    id: 'python/removed-module',
    title: 'Imports of standard-library modules removed in Python 3.12/3.13 (Azure Linux 4.0 has Python 3.14)',
    category: 'python',
    severity: 'error',
    blocker: true,
    fixable: false,
    kinds: ['python'],
    effort: 2,
  },
  create(ctx) {
    return {
      end() {
        for (const imp of pythonOf(ctx.facts)?.imports ?? []) {
          const parts = imp.module.split('.');
          const key = parts.length > 1 && REMOVED[`${parts[0]}.${parts[1]}`] ? `${parts[0]}.${parts[1]}` : parts[0]!;
          const r = REMOVED[key];
          if (!r || imp.guarded) continue;
          const span = { start: imp.span.start, end: imp.span.start + key.length };
          ctx.report({
            span,
            message: `${code(key)} was removed from the standard library in Python ${r.since}; on Azure Linux 4.0 (Python 3.14) this import raises ModuleNotFoundError.`,
            why: `Azure Linux 4.0's python3 is 3.14 (python3.9-3.13 are rpm-sdk only); Python 3.12 removed distutils, imp, asynchat, asyncore and smtpd, and 3.13 removed the PEP 594 "dead batteries" (cgi, crypt, telnetlib, pipes, ...). Knowledge sheet §2 "Python" [M:base.packages.toml; PY3.12; PY3.13].`,
            action: `Use ${r.instead}.`,
            evidence: key,
          });
        }
      },
    };
  },
});
