// dotnet publish the server into client-extension/server for the .vsix: self-contained (the .NET runtime
// ships inside, so users need not install it) and compiled ReadyToRun as one composite image with the
// framework. Composite code covers the generic library code over StreamJsonRpc and the server's types that a
// framework-dependent ReadyToRun publish leaves to the JIT (docs/performance.md, "Seventh round"). The
// output runs on one platform: this machine's (override with PAPERLSP_RID); package-vsix.mjs marks the
// .vsix for it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rid } from './target.mjs';

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(extensionRoot, '..');
const serverDir = join(extensionRoot, 'server');
const project = join(repoRoot, 'src', 'PaperLsp');

if (!rid) {
  console.error(`publish-server: no .NET runtime identifier for ${process.platform}/${process.arch}; set PAPERLSP_RID.`);
  process.exit(1);
}
if (!existsSync(join(project, 'PaperLsp.csproj'))) {
  console.error(`publish-server: ${project}/PaperLsp.csproj not found.`);
  process.exit(1);
}

rmSync(serverDir, { recursive: true, force: true });
const args = ['publish', project, '-c', 'Release', '-r', rid, '--self-contained', '-p:PublishReadyToRun=true', '-p:PublishReadyToRunComposite=true', '-o', serverDir];
console.log(`dotnet ${args.join(' ')}`);
const result = spawnSync('dotnet', args, { stdio: 'inherit', cwd: repoRoot });
if (result.status !== 0) {
  console.error(`publish-server: dotnet publish failed (${result.error?.message ?? `exit code ${result.status}`}).`);
  process.exit(1);
}
if (!existsSync(join(serverDir, 'paperlsp.dll'))) {
  console.error('publish-server: server/paperlsp.dll missing after publish.');
  process.exit(1);
}
console.log(`publish-server: server published to ${serverDir} (self-contained, composite ReadyToRun for ${rid}).`);
