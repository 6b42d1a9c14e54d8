import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/ipc/bridge';
import { contextBridge, ipcRenderer, resetFake, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

let bridge: Bridge;
let exposeCalls: unknown[][];

beforeAll(async () => {
  resetFake();
  await import('../../electron/preload/preload');
  bridge = state.exposed.get('bridge') as Bridge;
  exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls];
});

describe('preload', () => {
  it("exposes exactly { invoke, on } under 'bridge' and nothing else", () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]![0]).toBe('bridge');
    expect([...state.exposed.keys()]).toEqual(['bridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(bridge.invoke).toBeTypeOf('function');
    expect(bridge.on).toBeTypeOf('function');
  });

  it("invoke goes to the 'rpc' channel with (method, params)", async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: 7 });
    await expect(bridge.invoke('customers.list', { page: 2 })).resolves.toEqual({ ok: true, data: 7 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('rpc', 'customers.list', { page: 2 });
  });

  it("on subscribes to 'event', hides the IPC event object and unsubscribes", () => {
    const listener = vi.fn();
    const off = bridge.on(listener);
    const handlers = [...(state.rendererListeners.get('event') ?? [])];
    expect(handlers).toHaveLength(1);
    const fakeIpcEvent = { sender: ipcRenderer, senderId: 0 };
    handlers[0]!(fakeIpcEvent, 'data.changed', { tables: ['customers'] });
    expect(listener).toHaveBeenCalledWith('data.changed', { tables: ['customers'] });
    expect(listener.mock.calls[0]).toHaveLength(2);
    off();
    expect(state.rendererListeners.get('event')?.size).toBe(0);
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('event', handlers[0]);
  });
});
