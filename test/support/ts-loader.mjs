// Lets a plain Node process (a scan worker started from the TypeScript sources in tests) import the .ts sources:
// `node --import ./test/support/ts-loader.mjs`. Specifiers ending in .js that have a .ts beside them resolve to it,
// and .ts files are stripped of types with the oxc transformer that vitest's rolldown ships.
import { register } from 'node:module';

register(new URL('./ts-loader-hooks.mjs', import.meta.url));
