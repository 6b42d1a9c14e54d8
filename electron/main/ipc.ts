import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Backend } from '../backend/backend.types';
import type { FilePurpose, PickedFile } from '../../shared/ipc/contract';
import { AppError, type Envelope } from '../../shared/ipc/envelope';
import { validationFailure } from '../../shared/ipc/validation-envelope';
import { appOrigins, urlOrigin } from './app-origin';
import { isAllowedExternalUrl, openExternalIfAllowed } from './security';

export const RPC_CHANNEL = 'rpc';
export const EVENT_CHANNEL = 'event';

const MAX_METHOD_LENGTH = 100;
/** Upper bound of a file the renderer can hand us to save (characters). */
const MAX_SAVE_CONTENT_LENGTH = 256 * 1024 * 1024;

/** Characters no file name may hold on any of our platforms (path separators, drive colon, Windows reserved). */
const FORBIDDEN_FILE_NAME_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** True for a plain file name such as `carteira-2026-05.csv`: no directories, drives or tricks. */
export function isBareFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    !FORBIDDEN_FILE_NAME_CHARS.test(name) &&
    name !== '.' &&
    name !== '..' &&
    name.trim() === name &&
    !name.endsWith('.') &&
    !WINDOWS_RESERVED_NAME.test(name)
  );
}

export const saveFileParams = z.object({
  suggestedName: z
    .string({ error: 'Informe o nome do arquivo' })
    .refine(isBareFileName, { message: 'Nome de arquivo inválido: use só o nome, sem pastas' }),
  content: z.string({ error: 'Conteúdo do arquivo inválido' }).max(MAX_SAVE_CONTENT_LENGTH, { message: 'Arquivo grande demais' }),
  mimeType: z.string().max(200).optional(),
  /** `utf8` (default; a leading BOM is kept) or `base64` for binary files such as PDFs. */
  encoding: z.enum(['utf8', 'base64']).optional(),
});
export type SaveFileParams = z.infer<typeof saveFileParams>;

export const openExternalParams = z.object({
  url: z.string({ error: 'Informe o endereço' }).refine(isAllowedExternalUrl, {
    message: 'Endereço não permitido: use https, mailto ou tel',
  }),
});

const OPEN_FILE_DIALOGS: Record<FilePurpose, { title: string; filters: FileFilter[] }> = {
  'erp-import': {
    title: 'Importar arquivo do ERP',
    filters: [{ name: 'Planilhas e CSV', extensions: ['csv', 'txt', 'xlsx'] }, { name: 'Todos os arquivos', extensions: ['*'] }],
  },
  'bank-return': {
    title: 'Importar retorno bancário',
    filters: [{ name: 'Retorno CNAB', extensions: ['ret', 'txt', 'dat', 'cnab'] }, { name: 'Todos os arquivos', extensions: ['*'] }],
  },
  image: { title: 'Escolher imagem', filters: [{ name: 'Imagens', extensions: ['png', 'jpg', 'jpeg'] }] },
  backup: {
    title: 'Restaurar backup',
    filters: [{ name: 'Backup do Adimple', extensions: ['sqlite', 'db'] }, { name: 'Todos os arquivos', extensions: ['*'] }],
  },
};

export const openFileParams = z.object({
  purpose: z.enum(Object.keys(OPEN_FILE_DIALOGS) as [FilePurpose, ...FilePurpose[]], { error: 'Tipo de arquivo inválido' }),
});

export interface SaveFileResult {
  saved: boolean;
  /** Base name of the file written (never the full path). */
  fileName?: string;
}

export interface RegisterIpcOptions {
  /** Dev-server URL when running unpackaged with ADIMPLE_DEV_URL; its origin is then trusted too. */
  devUrl?: string | null;
  log?: (msg: string) => void;
}

type ShellMethod = (params: unknown, win: BrowserWindow) => Promise<Envelope<unknown>>;

/**
 * `ipcMain.handle('rpc', (event, method, params))`: checks the sender (top frame of our main window, app
 * origin), answers the shell-only `platform.*` methods itself and forwards everything else to the backend
 * with `origin: 'ipc'`. Backend events go to every window as `('event', name, payload)`.
 * Returns a function that undoes the registration.
 */
export function registerIpc(
  backend: Backend,
  getMainWindow: () => BrowserWindow | null,
  options: RegisterIpcOptions = {},
): () => void {
  const log = options.log ?? (() => {});
  const origins = appOrigins(options.devUrl ?? null);

  const shellMethods: Record<string, ShellMethod> = {
    'platform.saveFile': (params, win) => saveFile(params, win, log),
    'platform.openFile': (params, win) => openFile(params, win, backend),
    'platform.openExternal': async (params) => {
      const parsed = openExternalParams.safeParse(params ?? {});
      if (!parsed.success) return validationFailure(parsed.error);
      openExternalIfAllowed(parsed.data.url, log);
      return { ok: true, data: { opened: true } };
    },
  };

  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, params: unknown): Promise<Envelope<unknown>> => {
    const win = getMainWindow();
    if (!win || !isTrustedSender(event, win, origins)) {
      log(`IPC refused from ${event.senderFrame?.url ?? 'unknown frame'}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Origem não autorizada' } };
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Operação inválida' } };
    }
    try {
      const shellMethod = Object.hasOwn(shellMethods, method) ? shellMethods[method] : undefined;
      if (shellMethod) return await shellMethod(params, win);
      return await backend.dispatch(method, params, { origin: 'ipc' });
    } catch (err) {
      log(`IPC ${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'Erro inesperado. Tente novamente ou contate o suporte.' } };
    }
  });

  const unsubscribe = backend.onEvent((name: string, payload: unknown) => {
    for (const w of BrowserWindow.getAllWindows()) {
      if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(RPC_CHANNEL);
    unsubscribe();
  };
}

/** The sender must be the top frame of `win`'s own WebContents, currently showing an app origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow, origins: readonly string[]): boolean {
  if (win.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (event.sender.id !== win.webContents.id) return false;
  const origin = urlOrigin(frame.url);
  return origin !== null && origins.includes(origin);
}

async function saveFile(params: unknown, win: BrowserWindow, log: (msg: string) => void): Promise<Envelope<SaveFileResult>> {
  const parsed = saveFileParams.safeParse(params ?? {});
  if (!parsed.success) return validationFailure(parsed.error);
  const { suggestedName, content, encoding } = parsed.data;

  const ext = extname(suggestedName).slice(1);
  const result = await dialog.showSaveDialog(win, {
    defaultPath: join(app.getPath('documents'), suggestedName),
    ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }, { name: 'Todos os arquivos', extensions: ['*'] }] } : {}),
  });
  if (result.canceled || !result.filePath) return { ok: true, data: { saved: false } };

  try {
    await writeFile(result.filePath, encoding === 'base64' ? Buffer.from(content, 'base64') : content, encoding === 'base64' ? undefined : 'utf8');
  } catch (err) {
    log(`saveFile failed: ${String(err)}`);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Não foi possível salvar o arquivo. Verifique se ele não está aberto em outro programa.' },
    };
  }
  return { ok: true, data: { saved: true, fileName: basename(result.filePath) } };
}

/** Main opens the dialog; the renderer gets a token for the chosen file, never its path. */
async function openFile(params: unknown, win: BrowserWindow, backend: Backend): Promise<Envelope<PickedFile | null>> {
  const parsed = openFileParams.safeParse(params ?? {});
  if (!parsed.success) return validationFailure(parsed.error);
  const dialogOptions = OPEN_FILE_DIALOGS[parsed.data.purpose];
  const result = await dialog.showOpenDialog(win, { ...dialogOptions, properties: ['openFile'] });
  const chosen = result.canceled ? undefined : result.filePaths[0];
  if (!chosen) return { ok: true, data: null };
  try {
    const { token, fileName, sizeBytes } = backend.files.registerPath(chosen);
    return { ok: true, data: { token, fileName, sizeBytes } };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
}
