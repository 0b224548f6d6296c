// Builds the CLI/server bundle (esbuild) and the web app (Vite). Bundling matters for the CLI's
// cold start: loading kysely, zod and commander as hundreds of modules costs more than the work.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2];

// commander loads node:child_process (and with it net and dgram) only for subcommands that are
// separate executables, which coffeechat has none of; an empty module keeps them out of every start.
const noChildProcess = {
  name: 'commander-without-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'no-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-child-process' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

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
    // better-sqlite3's JavaScript is bundled: loaded from node_modules it went through Node's
    // CommonJS-from-ESM path (an export scan of its source, a dozen files) at every start. Its
    // compiled addon stays outside, named by store/db.ts so that `bindings` never runs. Lazily
    // loaded drivers stay outside too; so does pdfkit, which finds its standard fonts through its
    // package's own import map at run time.
    external: ['*.node', 'bindings', 'pg', 'date-holidays', 'pdfkit'],
    plugins: [noChildProcess],
    define: { __VERSION__: JSON.stringify(pkg.version) },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (only !== 'cli') {
  const { build: vite } = await import('vite');
  await vite({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
