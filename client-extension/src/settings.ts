// Maps VS Code settings to what the server reads: initializationOptions and the `paperlsp` section
// of workspace/configuration share one shape, { collections, diagnostics }. Pure: takes a getter.

export type DiagnosticSeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type TraceSetting = 'off' | 'messages' | 'verbose';

/** The settings the server understands (initializationOptions and workspace/configuration "paperlsp"). */
export interface ServerSettings {
  readonly collections: string[];
  readonly diagnostics: Record<string, DiagnosticSeverityName>;
}

/** The part of `vscode.WorkspaceConfiguration` this module uses (section "paperlsp"). */
export interface SettingsSource {
  get<T>(key: string): T | undefined;
}

const severities: readonly DiagnosticSeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];
const severityAliases: Readonly<Record<string, DiagnosticSeverityName>> = {
  info: 'information',
  warn: 'warning',
  none: 'off',
};

export function serverSettings(source: SettingsSource): ServerSettings {
  return {
    collections: collections(source.get<unknown>('collections')),
    diagnostics: diagnostics(source.get<unknown>('diagnostics')),
  };
}

export function traceSetting(source: SettingsSource): TraceSetting {
  const value = source.get<unknown>('trace.server');
  return value === 'messages' || value === 'verbose' ? value : 'off';
}

export function serverPathSetting(source: SettingsSource): string | undefined {
  const value = source.get<unknown>('server.path');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** True when a change to `section` must restart the server (it is started with these values). */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return affects('paperlsp.server.path');
}

/** Answers a workspace/configuration item: the server's shape for "paperlsp", undefined otherwise. */
export function configurationFor(section: string | undefined, source: SettingsSource): ServerSettings | undefined {
  return section === 'paperlsp' ? serverSettings(source) : undefined;
}

function collections(value: unknown): string[] {
  if (typeof value === 'string') value = [value];
  if (!Array.isArray(value)) return [];
  const result: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const trimmed = item.trim();
    if (trimmed !== '' && !result.includes(trimmed)) result.push(trimmed);
  }
  return result;
}

function diagnostics(value: unknown): Record<string, DiagnosticSeverityName> {
  const result: Record<string, DiagnosticSeverityName> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return result;
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'string' || key.trim() === '') continue;
    const name = raw.trim().toLowerCase();
    const severity = severities.find(s => s === name) ?? severityAliases[name];
    if (severity) result[key.trim()] = severity;
  }
  return result;
}
