import type { FilePurpose, PickedFile, ShellApi } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/envelope';
import { api } from '../api/client';

/** Desktop-only actions; the renderer never chooses a file path, the platform does. */
export interface Platform {
  /** `encoding: 'base64'` for binary files (PDF): `content` is then the bytes in base64. */
  saveFile(suggestedName: string, content: string, mimeType: string, encoding?: 'utf8' | 'base64'): Promise<{ saved: boolean; fileName?: string }>;
  openExternal(url: string): Promise<void>;
  /** The open dialog; the backend keeps the file and the page gets a token for it. Null when cancelled. */
  pickFile(options: { purpose: FilePurpose }): Promise<PickedFile | null>;
}

const ACCEPT: Record<FilePurpose, string> = {
  'erp-import': '.csv,.txt,.xlsx',
  'bank-return': '.ret,.txt,.dat,.cnab',
  image: 'image/png,image/jpeg',
  backup: '.sqlite,.db',
};

async function shell<M extends keyof ShellApi>(method: M, params: ShellApi[M]['params']): Promise<ShellApi[M]['result']> {
  const env = await api.transport().invoke(method, params);
  if (!env.ok) throw new Error(env.error.message);
  return env.data as ShellApi[M]['result'];
}

const electronPlatform: Platform = {
  saveFile: (suggestedName, content, mimeType, encoding) => shell('platform.saveFile', { suggestedName, content, mimeType, ...(encoding ? { encoding } : {}) }),
  openExternal: async (url) => {
    await shell('platform.openExternal', { url });
  },
  pickFile: ({ purpose }) => shell('platform.openFile', { purpose }),
};

/** Browser mode: a file input, then the bytes go to the loopback host, which answers the token. */
function chooseInBrowser(accept: string): Promise<File | null> {
  return new Promise((done) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

const webPlatform: Platform = {
  async saveFile(suggestedName, content, mimeType, encoding) {
    const body = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
    const url = URL.createObjectURL(new Blob([body], { type: mimeType }));
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
  async pickFile({ purpose }) {
    const file = await chooseInBrowser(ACCEPT[purpose]);
    if (!file) return null;
    const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    const env = (await res.json()) as Envelope<PickedFile>;
    if (!env.ok) throw new Error(env.error.message);
    return env.data;
  },
};

export const platform: Platform = window.bridge ? electronPlatform : webPlatform;
