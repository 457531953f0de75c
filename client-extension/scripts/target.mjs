// The platform the bundled server is published for: a .NET runtime identifier and the matching VS Code target.
// This machine's by default; PAPERLSP_RID overrides it (e.g. linux-arm64 on an x64 machine).
const os = { linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform];
const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];

/** The .NET runtime identifier to publish for, or undefined when this platform has none. */
export const rid = process.env.PAPERLSP_RID || (os && arch ? `${os}-${arch}` : undefined);

/** `vsce package --target` for a runtime identifier: osx-arm64 -> darwin-arm64, linux-musl-x64 -> alpine-x64. */
export function vscodeTarget(runtimeIdentifier) {
  const match = /^(linux-musl|linux|osx|win)-(x64|arm64)$/.exec(runtimeIdentifier);
  if (!match) return undefined;
  const targetOs = { 'linux-musl': 'alpine', linux: 'linux', osx: 'darwin', win: 'win32' }[match[1]];
  return `${targetOs}-${match[2]}`;
}
