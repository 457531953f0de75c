// A fake machine for server discovery: files and directories listed up front.
import * as path from 'node:path';
import type { DiscoveryHost } from '../../src/serverDiscovery';

export interface FakeMachine {
  platform?: NodeJS.Platform;
  env?: Record<string, string>;
  extensionPath?: string;
  /** path -> contents ('' for executables). */
  files?: Record<string, string>;
  /** symbolic links: path -> target. */
  links?: Record<string, string>;
}

export function fakeHost(machine: FakeMachine): DiscoveryHost {
  const platform = machine.platform ?? 'linux';
  const p = platform === 'win32' ? path.win32 : path.posix;
  const links = machine.links ?? {};
  const files = new Map(Object.entries(machine.files ?? {}).map(([k, v]) => [p.normalize(k), v]));
  const resolve = (filePath: string): string => links[filePath] ?? filePath;
  return {
    platform,
    env: machine.env ?? { PATH: '/usr/bin:/bin' },
    extensionPath: machine.extensionPath ?? '/ext',
    isFile: filePath => files.has(p.normalize(resolve(filePath))),
    listDirectories: dirPath => {
      const prefix = p.normalize(dirPath) + p.sep;
      const names = new Set<string>();
      for (const file of files.keys()) {
        if (file.startsWith(prefix)) {
          const rest = file.slice(prefix.length).split(p.sep);
          if (rest.length > 1) names.add(rest[0]);
        }
      }
      return [...names];
    },
    readText: filePath => files.get(p.normalize(resolve(filePath))),
    realPath: filePath => resolve(filePath),
  };
}

/** runtimeconfig.json of a framework-dependent publish. */
export const frameworkDependent = JSON.stringify({
  runtimeOptions: { tfm: 'net10.0', framework: { name: 'Microsoft.NETCore.App', version: '10.0.0' } },
});

/** runtimeconfig.json of a self-contained publish (no framework reference). */
export const selfContained = JSON.stringify({
  runtimeOptions: { tfm: 'net10.0', includedFrameworks: [{ name: 'Microsoft.NETCore.App', version: '10.0.12' }] },
});

/** A .NET install at `root` with the given Microsoft.NETCore.App versions. */
export function dotnetInstall(root: string, ...runtimeVersions: string[]): Record<string, string> {
  const files: Record<string, string> = { [`${root}/dotnet`]: '' };
  for (const version of runtimeVersions) files[`${root}/shared/Microsoft.NETCore.App/${version}/System.Private.CoreLib.dll`] = '';
  return files;
}
