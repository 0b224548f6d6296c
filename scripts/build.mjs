// Builds the CLI/server bundle (esbuild) and the web app (Vite). Bundling matters for the CLI's
// cold start: loading kysely, zod and commander as hundreds of modules costs more than the work.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2];

if (only !== 'web') {
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await build({
    entryPoints: ['src/cli/main.ts'],
    outdir: 'dist',
    entryNames: 'cli',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    minify: true,
    // Native and lazily loaded drivers stay outside the bundle; so does pdfkit, which finds its
    // standard fonts through its package's own import map at run time.
    external: ['better-sqlite3', 'pg', 'date-holidays', 'pdfkit'],
    define: { __VERSION__: JSON.stringify(pkg.version) },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (only !== 'cli') {
  const { build: vite } = await import('vite');
  await vite({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
