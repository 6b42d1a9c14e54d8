/**
 * What the desktop shell gives the backend that plain Node cannot: secrets kept with the OS keychain
 * (Electron safeStorage) and the "resumed from sleep" event, so the scheduler catches up at once.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { powerMonitor, safeStorage } from 'electron';
import { createMemorySecretStore, type SecretStore } from '../backend/messaging/messaging.types';

export interface DesktopServices {
  secretStore(userDataDir: string, log: (msg: string) => void): SecretStore;
  onResume(listener: () => void): void;
}

export const SECRETS_FILE = 'secrets.json';

/**
 * Secrets encrypted with safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) in
 * `userData/secrets.json` as base64 ciphertext. Without OS encryption (a Linux box with no keyring) the
 * secrets are kept in memory only, never written in plain text.
 */
export function createSafeStorageSecretStore(filePath: string, log: (msg: string) => void): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    log('safeStorage indisponível: a senha do SMTP ficará só na memória até fechar o programa.');
    return createMemorySecretStore();
  }
  const read = (): Record<string, string> => (existsSync(filePath) ? (JSON.parse(readFileSync(filePath, 'utf8')) as Record<string, string>) : {});
  return {
    kind: 'electron-safe-storage',
    get(name) {
      const cipher = read()[name];
      return cipher ? safeStorage.decryptString(Buffer.from(cipher, 'base64')) : null;
    },
    set(name, value) {
      const all = read();
      if (value === '') delete all[name];
      else all[name] = safeStorage.encryptString(value).toString('base64');
      const tmp = `${filePath}.tmp`;
      writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
      renameSync(tmp, filePath);
    },
  };
}

export const electronDesktopServices: DesktopServices = {
  secretStore: (userDataDir, log) => createSafeStorageSecretStore(join(userDataDir, SECRETS_FILE), log),
  onResume: (listener) => powerMonitor.on('resume', listener),
};
