/**
 * A stand-in for the `electron` module (the binary cannot run here). Each test file does
 * `vi.mock('electron', async () => (await import('./fake-electron')).electron)` and calls `resetFake()`
 * in beforeEach. Objects record what the shell configured so tests can drive the registered handlers.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
  get top(): FakeFrame {
    return this.parent ? this.parent.top : this;
  }
}

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler = vi.fn((h: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = h;
  });
  setPermissionCheckHandler = vi.fn((h: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = h;
  });
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = new FakeSession();
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  constructor(url = 'app://adimple/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler = vi.fn((h: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = h;
  });
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** When set, loadURL rejects with it (like a missing renderer build). */
  static loadFailure: Error | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  loadedUrl: string | null = null;
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  loadURL = vi.fn(async (url: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  });
  constructor(public readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  isPackaged = true;
  singleInstanceLock = true;
  paths: Record<string, string> = {};
  private resolveReady: () => void = () => {};
  private readyPromise: Promise<void> = Promise.resolve();
  constructor() {
    super();
    this.reset();
  }
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = true;
    this.singleInstanceLock = true;
    this.paths = { userData: '/fake/userData', documents: '/fake/Documents' };
    this.readyPromise = new Promise<void>((r) => (this.resolveReady = r));
  }
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  quit = vi.fn();
  relaunch = vi.fn();
  exit = vi.fn();
  getPath = vi.fn((name: string) => {
    const p = this.paths[name];
    if (!p) throw new Error(`unknown path ${name}`);
    return p;
  });
  setPath = vi.fn((name: string, path: string) => {
    this.paths[name] = path;
  });
  whenReady = vi.fn(() => this.readyPromise);
  /** Test helper: fire `ready`. */
  becomeReady(): void {
    this.resolveReady();
  }
}

export interface FakeState {
  app: FakeApp;
  ipcHandlers: Map<string, InvokeHandler>;
  rendererListeners: Map<string, Set<(...args: unknown[]) => void>>;
  exposed: Map<string, unknown>;
}

export const state: FakeState = {
  app: new FakeApp(),
  ipcHandlers: new Map(),
  rendererListeners: new Map(),
  exposed: new Map(),
};

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };

export const dialog = {
  showSaveDialog: vi.fn(async (_win: unknown, _options: unknown): Promise<{ canceled: boolean; filePath?: string }> => ({
    canceled: true,
  })),
  showOpenDialog: vi.fn(async (_win: unknown, _options: unknown): Promise<{ canceled: boolean; filePaths: string[] }> => ({
    canceled: true,
    filePaths: [],
  })),
  showErrorBox: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    state.ipcHandlers.delete(channel);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    const set = state.rendererListeners.get(channel) ?? new Set();
    set.add(listener);
    state.rendererListeners.set(channel, set);
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    state.rendererListeners.get(channel)?.delete(listener);
  }),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    state.exposed.set(key, api);
  }),
};

/** What `vi.mock('electron', ...)` returns. */
export const electron = {
  app: state.app,
  BrowserWindow: FakeBrowserWindow,
  shell,
  dialog,
  protocol,
  ipcMain,
  ipcRenderer,
  contextBridge,
};

export function resetFake(): void {
  state.app.reset();
  state.ipcHandlers.clear();
  state.rendererListeners.clear();
  state.exposed.clear();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.loadFailure = null;
  vi.clearAllMocks();
  shell.openExternal.mockImplementation(async () => {});
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true }));
  dialog.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] }));
  ipcRenderer.invoke.mockImplementation(async () => ({ ok: true, data: null }));
}

/** An IPC invoke event as main sees it, sent by `frame` of `contents`. */
export function ipcEvent(contents: FakeWebContents, frame: FakeFrame | null): { sender: FakeWebContents; senderFrame: FakeFrame | null } {
  return { sender: contents, senderFrame: frame };
}
