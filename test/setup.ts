import { setFlagsFromString } from 'node:v8';

// Same V8 setting as the CLI (src/cli/main.ts): baseline-compiled wasm only, no tier-up stalls.
setFlagsFromString('--liftoff-only');
