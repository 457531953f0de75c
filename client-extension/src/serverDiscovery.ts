// Finds the PaperLsp server the way texlab-vscode does: the setting, then the server bundled in the
// .vsix, then `paperlsp` on PATH. Never downloads anything. Pure: every file-system and environment
// access goes through `DiscoveryHost`, so the unit tests run it against a fake machine.
import * as nodePath from 'node:path';

export const dotnetDownloadUrl = 'https://dotnet.microsoft.com/download/dotnet/10.0';
export const installInstructionsUrl = 'https://github.com/paperlsp/paperlsp#installation';

/** What discovery needs to know about the machine. */
export interface DiscoveryHost {
  readonly platform: NodeJS.Platform;
  /** Environment variables (PATH, PATHEXT, DOTNET_ROOT, HOME/USERPROFILE, ProgramFiles). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The extension's install folder (holds server/ when the .vsix bundles the server). */
  readonly extensionPath: string;
  isFile(filePath: string): boolean;
  /** Directory names inside `dirPath`, or [] when it does not exist. */
  listDirectories(dirPath: string): string[];
  /** File contents, or undefined when unreadable. */
  readText(filePath: string): string | undefined;
  /** Resolves symbolic links (e.g. /usr/bin/dotnet -> /usr/share/dotnet/dotnet). */
  realPath(filePath: string): string;
}

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ServerFound {
  readonly kind: 'found';
  readonly command: string;
  readonly args: readonly string[];
  readonly source: ServerSource;
  /** One line for the output channel, e.g. "bundled server run with /usr/share/dotnet/dotnet". */
  readonly description: string;
}

export interface ServerMissing {
  readonly kind: 'missing';
  /** A message for the user that says what to do. */
  readonly message: string;
  /** Where the user can act on it (download .NET, install instructions). */
  readonly link: { readonly label: string; readonly url: string };
}

export type DiscoveryResult = ServerFound | ServerMissing;

export const serverArgs: readonly string[] = ['serve', '--stdio'];

/** Finds the server; `settingPath` is `paperlsp.server.path` (empty or undefined when unset). */
export function discoverServer(settingPath: string | undefined, host: DiscoveryHost): DiscoveryResult {
  const configured = settingPath?.trim();
  if (configured) {
    return fromSetting(expandHome(configured, host), host);
  }

  const bundled = fromBundle(host);
  if (bundled?.kind === 'found') {
    return bundled;
  }

  const onPath = findOnPath('paperlsp', host);
  if (onPath) {
    return { kind: 'found', command: onPath, args: serverArgs, source: 'path', description: `paperlsp on PATH: ${onPath}` };
  }

  // The bundled server exists but cannot run: its missing runtime is the one thing to fix.
  if (bundled) {
    return bundled;
  }
  return {
    kind: 'missing',
    message:
      'PaperLsp: the paperlsp server was not found. Install it (`dotnet tool install --global PaperLsp`) ' +
      'or set "paperlsp.server.path" to the paperlsp executable.',
    link: { label: 'Installation instructions', url: installInstructionsUrl },
  };
}

function fromSetting(configured: string, host: DiscoveryHost): DiscoveryResult {
  if (!host.isFile(configured)) {
    // A bare command name ("paperlsp") is looked up on PATH, like a shell would.
    const onPath = isBareName(configured) ? findOnPath(configured, host) : undefined;
    if (onPath) {
      return { kind: 'found', command: onPath, args: serverArgs, source: 'setting', description: `paperlsp.server.path: ${onPath}` };
    }
    return {
      kind: 'missing',
      message: `PaperLsp: "paperlsp.server.path" is set to ${configured}, which does not exist. Fix the setting or clear it to use the bundled server.`,
      link: { label: 'Installation instructions', url: installInstructionsUrl },
    };
  }
  if (configured.toLowerCase().endsWith('.dll')) {
    return runWithDotnet(configured, 'setting', host);
  }
  return { kind: 'found', command: configured, args: serverArgs, source: 'setting', description: `paperlsp.server.path: ${configured}` };
}

/** The bundled server: `server/paperlsp.dll` run with `dotnet`, or a self-contained `server/paperlsp`. */
function fromBundle(host: DiscoveryHost): DiscoveryResult | undefined {
  const serverDir = pathOf(host).join(host.extensionPath, 'server');
  const dll = pathOf(host).join(serverDir, 'paperlsp.dll');
  const apphost = pathOf(host).join(serverDir, host.platform === 'win32' ? 'paperlsp.exe' : 'paperlsp');
  const runtimeConfig = host.readText(pathOf(host).join(serverDir, 'paperlsp.runtimeconfig.json'));
  if (host.isFile(apphost) && runtimeConfig !== undefined && requiredFramework(runtimeConfig) === undefined) {
    // Self-contained publish: the apphost carries its runtime.
    return { kind: 'found', command: apphost, args: serverArgs, source: 'bundled', description: `bundled self-contained server: ${apphost}` };
  }
  if (host.isFile(dll)) {
    // Framework-dependent: the IL (ReadyToRun code falls back to the JIT) runs on any platform with
    // a .NET runtime, so prefer `dotnet paperlsp.dll` over the platform-specific apphost.
    return runWithDotnet(dll, 'bundled', host);
  }
  return undefined;
}

function runWithDotnet(dll: string, source: ServerSource, host: DiscoveryHost): DiscoveryResult {
  const framework = requiredFramework(host.readText(dll.replace(/\.dll$/i, '.runtimeconfig.json')) ?? '') ?? {
    name: 'Microsoft.NETCore.App',
    version: '10.0.0',
  };
  const major = framework.version.split('.')[0];
  const dotnets = dotnetCandidates(host);
  const withRuntime = dotnets.find(dotnet => hasRuntime(dotnet, framework.name, major, host));
  if (withRuntime) {
    return {
      kind: 'found',
      command: withRuntime,
      args: [dll, ...serverArgs],
      source,
      description: `${source === 'bundled' ? 'bundled server' : 'paperlsp.server.path'} ${dll} run with ${withRuntime}`,
    };
  }
  const found = dotnets.length > 0 ? ` (found ${dotnets[0]}, but without ${framework.name} ${major}.x)` : '';
  return {
    kind: 'missing',
    message:
      `PaperLsp needs the .NET ${major} runtime to run its language server${found}. ` +
      `Install the .NET ${major} runtime, then run "PaperLsp: Restart Server".`,
    link: { label: `Download .NET ${major}`, url: dotnetDownloadUrl },
  };
}

/** The framework a runtimeconfig.json asks for; undefined for a self-contained app (or unreadable JSON). */
export function requiredFramework(runtimeConfigJson: string): { name: string; version: string } | undefined {
  try {
    const options = (JSON.parse(runtimeConfigJson) as { runtimeOptions?: RuntimeOptions }).runtimeOptions;
    const framework = options?.framework ?? options?.frameworks?.[0];
    return framework?.name && framework.version ? { name: framework.name, version: framework.version } : undefined;
  } catch {
    return undefined;
  }
}

interface RuntimeOptions {
  framework?: { name?: string; version?: string };
  frameworks?: { name?: string; version?: string }[];
}

/** Every `dotnet` host worth trying, in the order the .NET host itself searches, without duplicates. */
export function dotnetCandidates(host: DiscoveryHost): string[] {
  const exe = host.platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const roots: string[] = [];
  if (host.env.DOTNET_ROOT) roots.push(host.env.DOTNET_ROOT);
  const candidates = roots.map(root => pathOf(host).join(root, exe));
  const onPath = findOnPath('dotnet', host);
  if (onPath) candidates.push(onPath);
  const home = host.env.HOME ?? host.env.USERPROFILE;
  if (host.platform === 'win32') {
    candidates.push(pathOf(host).join(host.env.ProgramFiles ?? 'C:\\Program Files', 'dotnet', exe));
  } else if (host.platform === 'darwin') {
    candidates.push('/usr/local/share/dotnet/dotnet', '/opt/homebrew/opt/dotnet/libexec/dotnet');
  } else {
    candidates.push('/usr/share/dotnet/dotnet', '/usr/lib/dotnet/dotnet', '/usr/local/share/dotnet/dotnet', '/snap/dotnet/current/dotnet');
  }
  if (home) candidates.push(pathOf(host).join(home, '.dotnet', exe));
  const seen = new Set<string>();
  return candidates.filter(candidate => {
    if (!host.isFile(candidate)) return false;
    const key = host.realPath(candidate);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hasRuntime(dotnet: string, frameworkName: string, major: string, host: DiscoveryHost): boolean {
  const root = pathOf(host).dirname(host.realPath(dotnet));
  return host.listDirectories(pathOf(host).join(root, 'shared', frameworkName)).some(version => version.split('.')[0] === major);
}

/** Looks `name` up on PATH (with PATHEXT on Windows), like a shell. */
export function findOnPath(name: string, host: DiscoveryHost): string | undefined {
  const pathVar = host.env.PATH ?? host.env.Path ?? '';
  const separator = host.platform === 'win32' ? ';' : ':';
  const extensions = host.platform === 'win32' ? ['', ...(host.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';')] : [''];
  for (const dir of pathVar.split(separator)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = pathOf(host).join(dir, name + ext.toLowerCase());
      if (host.isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isBareName(value: string): boolean {
  return !value.includes('/') && !value.includes('\\');
}

function expandHome(value: string, host: DiscoveryHost): string {
  const home = host.env.HOME ?? host.env.USERPROFILE;
  return home && (value === '~' || value.startsWith('~/')) ? pathOf(host).join(home, value.slice(1)) : value;
}

/** Path rules of the machine being described, not of the one running the tests. */
function pathOf(host: DiscoveryHost): nodePath.PlatformPath {
  return host.platform === 'win32' ? nodePath.win32 : nodePath.posix;
}
