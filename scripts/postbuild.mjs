#!/usr/bin/env node
// Makes the built CLI executable (npm links it as the azl-migrate bin).
import { chmodSync, existsSync } from 'node:fs';
const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(main)) chmodSync(main, 0o755);
