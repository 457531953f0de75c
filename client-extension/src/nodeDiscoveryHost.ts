// The real machine behind `DiscoveryHost`.
import * as fs from 'node:fs';
import type { DiscoveryHost } from './serverDiscovery';

export function nodeDiscoveryHost(extensionPath: string): DiscoveryHost {
  return {
    platform: process.platform,
    env: process.env,
    extensionPath,
    isFile: filePath => {
      try {
        return fs.statSync(filePath).isFile();
      } catch {
        return false;
      }
    },
    listDirectories: dirPath => {
      try {
        return fs.readdirSync(dirPath, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name);
      } catch {
        return [];
      }
    },
    readText: filePath => {
      try {
        return fs.readFileSync(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
    realPath: filePath => {
      try {
        return fs.realpathSync(filePath);
      } catch {
        return filePath;
      }
    },
  };
}
