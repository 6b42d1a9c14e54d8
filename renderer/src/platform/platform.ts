import type { ShellApi } from '../../../shared/ipc/contract';
import { api } from '../api/client';

/** Desktop-only actions; the renderer never chooses a file path, the platform does. */
export interface Platform {
  saveFile(suggestedName: string, content: string, mimeType: string): Promise<{ saved: boolean; fileName?: string }>;
  openExternal(url: string): Promise<void>;
}

async function shell<M extends keyof ShellApi>(method: M, params: ShellApi[M]['params']): Promise<ShellApi[M]['result']> {
  const env = await api.transport().invoke(method, params);
  if (!env.ok) throw new Error(env.error.message);
  return env.data as ShellApi[M]['result'];
}

const electronPlatform: Platform = {
  saveFile: (suggestedName, content, mimeType) => shell('platform.saveFile', { suggestedName, content, mimeType }),
  openExternal: async (url) => {
    await shell('platform.openExternal', { url });
  },
};

const webPlatform: Platform = {
  async saveFile(suggestedName, content, mimeType) {
    const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, fileName: suggestedName };
  },
  async openExternal(url) {
    window.open(url, '_blank', 'noopener');
  },
};

export const platform: Platform = window.bridge ? electronPlatform : webPlatform;
