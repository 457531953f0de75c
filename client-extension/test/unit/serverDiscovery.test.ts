import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverServer, requiredFramework, type DiscoveryResult } from '../../src/serverDiscovery';
import { dotnetInstall, fakeHost, frameworkDependent, selfContained, type FakeMachine } from './fakeMachine';

const bundledFrameworkDependent = {
  '/ext/server/paperlsp': '',
  '/ext/server/paperlsp.dll': '',
  '/ext/server/paperlsp.runtimeconfig.json': frameworkDependent,
};

function discover(setting: string | undefined, machine: FakeMachine): DiscoveryResult {
  return discoverServer(setting, fakeHost(machine));
}

function commandLine(result: DiscoveryResult): string {
  assert.equal(result.kind, 'found', result.kind === 'missing' ? result.message : '');
  return result.kind === 'found' ? [result.command, ...result.args].join(' ') : '';
}

describe('server discovery', () => {
  describe('setting paperlsp.server.path', () => {
    it('runs an executable as is, even when a bundled server exists', () => {
      const result = discover('/opt/paperlsp/paperlsp', { files: { '/opt/paperlsp/paperlsp': '', ...bundledFrameworkDependent } });
      assert.equal(commandLine(result), '/opt/paperlsp/paperlsp serve --stdio');
      assert.equal(result.kind === 'found' && result.source, 'setting');
    });

    it('runs a .dll with dotnet', () => {
      const result = discover('/opt/p/paperlsp.dll', {
        files: { '/opt/p/paperlsp.dll': '', '/opt/p/paperlsp.runtimeconfig.json': frameworkDependent, ...dotnetInstall('/usr/share/dotnet', '10.0.12') },
      });
      assert.equal(commandLine(result), '/usr/share/dotnet/dotnet /opt/p/paperlsp.dll serve --stdio');
    });

    it('looks a bare command name up on PATH', () => {
      const result = discover('paperlsp', { env: { PATH: '/home/u/.dotnet/tools' }, files: { '/home/u/.dotnet/tools/paperlsp': '' } });
      assert.equal(commandLine(result), '/home/u/.dotnet/tools/paperlsp serve --stdio');
    });

    it('expands ~ to the home folder', () => {
      const result = discover('~/bin/paperlsp', { env: { HOME: '/home/u', PATH: '' }, files: { '/home/u/bin/paperlsp': '' } });
      assert.equal(commandLine(result), '/home/u/bin/paperlsp serve --stdio');
    });

    it('names the setting when it points nowhere, without falling back silently', () => {
      const result = discover('/nowhere/paperlsp', { files: { ...bundledFrameworkDependent, ...dotnetInstall('/usr/share/dotnet', '10.0.1') } });
      assert.equal(result.kind, 'missing');
      assert.match(result.kind === 'missing' ? result.message : '', /"paperlsp\.server\.path" is set to \/nowhere\/paperlsp, which does not exist/);
    });

    it('treats a blank setting as unset', () => {
      const result = discover('   ', { files: { ...bundledFrameworkDependent, ...dotnetInstall('/usr/share/dotnet', '10.0.1') } });
      assert.equal(result.kind === 'found' && result.source, 'bundled');
    });
  });

  describe('bundled server', () => {
    it('runs the framework-dependent dll with the dotnet found on PATH, resolving its symlink for the runtime check', () => {
      const result = discover(undefined, {
        env: { PATH: '/usr/bin' },
        files: { ...bundledFrameworkDependent, '/usr/bin/dotnet': '', ...dotnetInstall('/opt/dn', '10.0.12') },
        links: { '/usr/bin/dotnet': '/opt/dn/dotnet' },
      });
      assert.equal(commandLine(result), '/usr/bin/dotnet /ext/server/paperlsp.dll serve --stdio');
    });

    it('prefers DOTNET_ROOT over PATH', () => {
      const result = discover(undefined, {
        env: { PATH: '/usr/bin', DOTNET_ROOT: '/custom/dotnet' },
        files: { ...bundledFrameworkDependent, ...dotnetInstall('/custom/dotnet', '10.0.3'), '/usr/bin/dotnet': '' },
      });
      assert.equal(commandLine(result), '/custom/dotnet/dotnet /ext/server/paperlsp.dll serve --stdio');
    });

    it('finds dotnet in its standard install folder when it is not on PATH', () => {
      const result = discover(undefined, { env: { PATH: '/bin' }, files: { ...bundledFrameworkDependent, ...dotnetInstall('/usr/lib/dotnet', '10.0.0') } });
      assert.equal(commandLine(result), '/usr/lib/dotnet/dotnet /ext/server/paperlsp.dll serve --stdio');
    });

    it('skips a dotnet that only has older runtimes and takes the next one that has .NET 10', () => {
      const result = discover(undefined, {
        env: { PATH: '/usr/bin', HOME: '/home/u' },
        files: { ...bundledFrameworkDependent, ...dotnetInstall('/usr/bin', '8.0.11'), ...dotnetInstall('/home/u/.dotnet', '10.0.1') },
      });
      assert.equal(commandLine(result), '/home/u/.dotnet/dotnet /ext/server/paperlsp.dll serve --stdio');
    });

    it('runs a self-contained apphost directly, no dotnet needed', () => {
      const result = discover(undefined, {
        env: { PATH: '' },
        files: { '/ext/server/paperlsp': '', '/ext/server/paperlsp.dll': '', '/ext/server/paperlsp.runtimeconfig.json': selfContained },
      });
      assert.equal(commandLine(result), '/ext/server/paperlsp serve --stdio');
    });

    it('uses paperlsp.exe on Windows', () => {
      const result = discover(undefined, {
        platform: 'win32',
        extensionPath: 'C:\\ext',
        env: { PATH: '' },
        files: { 'C:\\ext\\server\\paperlsp.exe': '', 'C:\\ext\\server\\paperlsp.runtimeconfig.json': selfContained },
      });
      assert.equal(commandLine(result), 'C:\\ext\\server\\paperlsp.exe serve --stdio');
    });
  });

  describe('no runtime for the bundled server', () => {
    const noDotnet: FakeMachine = { env: { PATH: '/usr/bin:/bin' }, files: { ...bundledFrameworkDependent } };

    it('falls back to paperlsp on PATH', () => {
      const result = discover(undefined, { ...noDotnet, files: { ...noDotnet.files, '/bin/paperlsp': '' } });
      assert.equal(commandLine(result), '/bin/paperlsp serve --stdio');
      assert.equal(result.kind === 'found' && result.source, 'path');
    });

    it('says to install the .NET 10 runtime, with the download link', () => {
      const result = discover(undefined, noDotnet);
      assert.equal(result.kind, 'missing');
      if (result.kind !== 'missing') return;
      assert.match(result.message, /needs the \.NET 10 runtime/);
      assert.match(result.message, /Install the \.NET 10 runtime/);
      assert.equal(result.link.url, 'https://dotnet.microsoft.com/download/dotnet/10.0');
    });

    it('says which dotnet it found and what it lacks', () => {
      const result = discover(undefined, { ...noDotnet, files: { ...noDotnet.files, ...dotnetInstall('/usr/share/dotnet', '8.0.4', '9.0.1') } });
      assert.match(result.kind === 'missing' ? result.message : '', /found \/usr\/share\/dotnet\/dotnet, but without Microsoft\.NETCore\.App 10\.x/);
    });
  });

  describe('PATH', () => {
    it('finds paperlsp on PATH when nothing is bundled', () => {
      assert.equal(commandLine(discover(undefined, { env: { PATH: '/a:/b' }, files: { '/b/paperlsp': '' } })), '/b/paperlsp serve --stdio');
    });

    it('honours PATHEXT on Windows', () => {
      const result = discover(undefined, {
        platform: 'win32',
        extensionPath: 'C:\\ext',
        env: { PATH: 'C:\\tools;C:\\Users\\u\\.dotnet\\tools', PATHEXT: '.COM;.EXE' },
        files: { 'C:\\Users\\u\\.dotnet\\tools\\paperlsp.exe': '' },
      });
      assert.equal(commandLine(result), 'C:\\Users\\u\\.dotnet\\tools\\paperlsp.exe serve --stdio');
    });

    it('says how to install the server when there is none anywhere', () => {
      const result = discover(undefined, { env: { PATH: '/usr/bin' }, files: {} });
      assert.equal(result.kind, 'missing');
      assert.match(result.kind === 'missing' ? result.message : '', /server was not found.*dotnet tool install --global PaperLsp.*paperlsp\.server\.path/);
    });
  });

  describe('requiredFramework', () => {
    it('reads the framework of a framework-dependent app', () => {
      assert.deepEqual(requiredFramework(frameworkDependent), { name: 'Microsoft.NETCore.App', version: '10.0.0' });
    });
    it('is undefined for a self-contained app and for broken JSON', () => {
      assert.equal(requiredFramework(selfContained), undefined);
      assert.equal(requiredFramework('{ not json'), undefined);
    });
  });
});
