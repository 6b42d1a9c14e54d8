/**
 * Sandboxed preload (bundled to one CJS file, dist-electron/preload.cjs). Exposes exactly two functions:
 * no raw ipcRenderer, no channels chosen by the page, no event objects handed back.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/ipc/bridge';

const bridge: Bridge = {
  invoke: (method: string, params: unknown) => ipcRenderer.invoke('rpc', method, params),
  on: (listener: (name: string, payload: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on('event', handler);
    return () => {
      ipcRenderer.removeListener('event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
