#!/usr/bin/env node
// The coffeechat command: runs the bundle that `npm install` builds (npm run build).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('coffeechat is not built yet: run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(1);
}
await import(bundle.href);
