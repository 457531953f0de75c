// dotnet publish the server into client-extension/server for the .vsix.
// ReadyToRun needs a runtime identifier: this machine's (override with PAPERLSP_RID). The output is
// framework-dependent: paperlsp.dll runs on any OS with the .NET 10 runtime (the ReadyToRun code is
// used on this RID, the JIT elsewhere); the `paperlsp` apphost only runs on this RID.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(extensionRoot, '..');
const serverDir = join(extensionRoot, 'server');
const project = join(repoRoot, 'src', 'PaperLsp');

const os = { linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform];
const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
const rid = process.env.PAPERLSP_RID || (os && arch ? `${os}-${arch}` : undefined);
if (!rid) {
  console.error(`publish-server: no .NET runtime identifier for ${process.platform}/${process.arch}; set PAPERLSP_RID.`);
  process.exit(1);
}
if (!existsSync(join(project, 'PaperLsp.csproj'))) {
  console.error(`publish-server: ${project}/PaperLsp.csproj not found.`);
  process.exit(1);
}

rmSync(serverDir, { recursive: true, force: true });
const args = ['publish', project, '-c', 'Release', '-r', rid, '--no-self-contained', '-p:PublishReadyToRun=true', '-o', serverDir];
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
console.log(`publish-server: server published to ${serverDir} (ReadyToRun for ${rid}).`);
