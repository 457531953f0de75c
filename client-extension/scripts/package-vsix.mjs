// vsce package -> exactly one client-extension/paperlsp-<version>.vsix.
// --no-dependencies: esbuild already bundled vscode-languageclient into dist/extension.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rid, vscodeTarget } from './target.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const old of readdirSync(root).filter(f => f.endsWith('.vsix'))) rmSync(join(root, old));

if (!existsSync(join(root, 'server', 'paperlsp.dll'))) {
  console.warn('package-vsix: no server/paperlsp.dll; the .vsix will use paperlsp on PATH or paperlsp.server.path. Run `npm run package` at the repository root to bundle the server.');
}
const out = `${manifest.name}-${manifest.version}.vsix`;
const vsce = process.platform === 'win32' ? 'vsce.cmd' : 'vsce';
// The bundled server is self-contained for one platform: the .vsix says which, so VS Code installs it only there.
const target = existsSync(join(root, 'server', 'paperlsp.dll')) && rid ? vscodeTarget(rid) : undefined;
const targetArgs = target ? ['--target', target] : [];
const result = spawnSync(vsce, ['package', '--no-dependencies', ...targetArgs, '--out', out], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`package-vsix: vsce failed (${result.error?.message ?? `exit code ${result.status}`}).`);
  process.exit(1);
}
console.log(`package-vsix: ${join(root, out)}${target ? ` (for ${target})` : ''}`);
