// esbuild: the extension bundle (dist/extension.js), or with --tests the pure modules + unit tests (out/).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

if (args.has('--tests')) {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  const tests = readdirSync(join(root, 'test/unit')).filter(f => f.endsWith('.test.ts')).map(f => join(root, 'test/unit', f));
  // Each test is bundled with the module it tests; `vscode` is not available (and not needed) there.
  await esbuild.build({
    entryPoints: tests,
    outdir: join(root, 'out/test/unit'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
} else {
  const options = {
    entryPoints: [join(root, 'src/extension.ts')],
    outfile: join(root, 'dist/extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'info',
  };
  if (args.has('--watch')) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    await esbuild.build(options);
  }
}
