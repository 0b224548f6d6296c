#!/usr/bin/env node
// The coffeechat command: runs the bundle that `npm install` builds (npm run build).
import { existsSync } from 'node:fs';
import module from 'node:module';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('coffeechat is not built yet: run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(1);
}
// Node 22.1+ keeps the compiled bundle on disk between runs (in the temporary folder), so a start
// skips most of parsing and compiling it; Node 20 has no such cache and skips this line.
module.enableCompileCache?.();
await import(bundle.href);
