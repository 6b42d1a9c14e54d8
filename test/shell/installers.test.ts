/**
 * electron-builder.yml, read and validated by electron-builder's own code (the installers cannot be built
 * here: that needs the Electron download). Keeps what the installers promise from drifting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(resolve('.'), 'electron-builder.yml', null);
});

/** `[target name, arch list]` of a platform's `target` entries. */
function targets(target: unknown): [string, unknown][] {
  return (target as TargetConfiguration[]).map((t) => [t.target, t.arch]);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds NSIS per user without elevation in pt-BR, dmg for Intel and Apple silicon, and an AppImage', () => {
    expect(targets(config.win?.target)).toEqual([['nsis', ['x64']]]);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, language: '1046', installerLanguages: ['pt_BR'] });
    expect(targets(config.mac?.target)).toEqual([['dmg', ['x64', 'arm64']]]);
    expect(targets(config.linux?.target)).toEqual([['AppImage', ['x64']]]);
  });

  it('points every platform at an icon in resources/ big enough for it (512 px PNG)', () => {
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) {
      expect(icon).toBe('resources/icons/icon.png');
      const png = readFileSync(resolve(icon!));
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
  });

  it('ships better-sqlite3 as its N-API prebuilds, unpacked and never rebuilt, for every target', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**']);
    for (const target of ['win32-x64', 'darwin-x64', 'darwin-arm64', 'linux-x64']) {
      expect(existsSync(resolve('node_modules/better-sqlite3/prebuilds', `${target}.node`)), target).toBe(true);
    }
  });

  it('keeps the data folder name and the database on uninstall and upgrade', () => {
    expect(config.appId).toBe('br.com.adimple.desktop');
    expect(config.productName).toBe('Adimple');
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });
});
