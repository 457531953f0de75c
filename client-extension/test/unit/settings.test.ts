import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configurationFor, needsRestart, serverPathSetting, serverSettings, traceSetting, type SettingsSource } from '../../src/settings';

function source(values: Record<string, unknown>): SettingsSource {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('settings', () => {
  it('maps collections and diagnostics to the server shape', () => {
    const settings = serverSettings(source({
      collections: ['refs.bib', ' bib/**/*.bib ', 'refs.bib', '', 42],
      diagnostics: { PN001: 'error', 'unknown-field-value': 'off', PN002: 'Warning', PN003: 'info' },
      'server.path': '/x/paperlsp',
      'trace.server': 'verbose',
    }));
    assert.deepEqual(settings, {
      collections: ['refs.bib', 'bib/**/*.bib'],
      diagnostics: { PN001: 'error', 'unknown-field-value': 'off', PN002: 'warning', PN003: 'information' },
    });
  });

  it('drops severities that are not severities', () => {
    assert.deepEqual(serverSettings(source({ diagnostics: { PN001: 'loud', PN002: 3, '': 'error' } })).diagnostics, {});
  });

  it('gives empty values when nothing is set or the values have the wrong type', () => {
    assert.deepEqual(serverSettings(source({})), { collections: [], diagnostics: {} });
    assert.deepEqual(serverSettings(source({ collections: { a: 1 }, diagnostics: ['PN001'] })), { collections: [], diagnostics: {} });
  });

  it('accepts a single collection written as a string', () => {
    assert.deepEqual(serverSettings(source({ collections: 'refs.bib' })).collections, ['refs.bib']);
  });

  it('answers workspace/configuration for the paperlsp section only', () => {
    const values = source({ collections: ['a.bib'], diagnostics: { PN001: 'hint' } });
    assert.deepEqual(configurationFor('paperlsp', values), { collections: ['a.bib'], diagnostics: { PN001: 'hint' } });
    assert.equal(configurationFor('editor', values), undefined);
    assert.equal(configurationFor(undefined, values), undefined);
  });

  it('reads the trace level, defaulting to off', () => {
    assert.equal(traceSetting(source({ 'trace.server': 'messages' })), 'messages');
    assert.equal(traceSetting(source({ 'trace.server': 'everything' })), 'off');
    assert.equal(traceSetting(source({})), 'off');
  });

  it('reads the server path, blank meaning unset', () => {
    assert.equal(serverPathSetting(source({ 'server.path': ' /opt/paperlsp ' })), '/opt/paperlsp');
    assert.equal(serverPathSetting(source({ 'server.path': '  ' })), undefined);
    assert.equal(serverPathSetting(source({})), undefined);
  });

  it('restarts the server only when the server path changes', () => {
    assert.equal(needsRestart(s => s === 'paperlsp.server.path'), true);
    assert.equal(needsRestart(s => s === 'paperlsp.collections'), false);
  });
});
