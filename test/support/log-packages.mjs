// `node --import ./test/support/log-packages.mjs ...`: prints `AZL-LOADED <package>` on standard error for every
// package (bare specifier, not node: built-ins) the process or its workers import, so a test can check which
// parsers a scan loaded.
import { register } from 'node:module';

register(new URL('./log-packages-hooks.mjs', import.meta.url));
