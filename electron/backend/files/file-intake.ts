/**
 * Files the user picked, known to the backend by an opaque token: the renderer never names a path. The shell
 * registers the path the open dialog returned; browser mode uploads the bytes, kept in a private folder that
 * goes away with the backend.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PickedFile } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';

/** Upper bound of an input file: a million-row ERP export is ~150 MB; beyond this it is not a file we read. */
export const MAX_INTAKE_BYTES = 1024 * 1024 * 1024;

export interface IntakeFile extends PickedFile {
  path: string;
}


export interface FileIntake {
  registerPath(path: string, fileName?: string): IntakeFile;
  registerBytes(fileName: string, bytes: Uint8Array): IntakeFile;
  /** A folder for uploads being streamed in (browser mode). */
  uploadPath(): string;
  resolve(token: string): IntakeFile;
  close(): void;
}

export function tooLargeMessage(sizeBytes: number): string {
  const mb = (n: number) => Math.round(n / (1024 * 1024)).toLocaleString('pt-BR');
  return `Arquivo grande demais (${mb(sizeBytes)} MB): o limite é ${mb(MAX_INTAKE_BYTES)} MB.`;
}

export function createFileIntake(): FileIntake {
  const files = new Map<string, IntakeFile>();
  let uploadDir: string | null = null;
  const uploads = () => (uploadDir ??= mkdtempSync(join(tmpdir(), 'adimple-uploads-')));

  function register(path: string, fileName: string): IntakeFile {
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new AppError('VALIDATION', `"${fileName}" não é um arquivo.`);
      size = st.size;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('NOT_FOUND', `Arquivo "${fileName}" não encontrado ou sem permissão de leitura.`);
    }
    if (size > MAX_INTAKE_BYTES) throw new AppError('VALIDATION', tooLargeMessage(size));
    const file: IntakeFile = { token: randomUUID(), fileName, sizeBytes: size, path };
    files.set(file.token, file);
    return file;
  }

  return {
    registerPath: (path, fileName = path) => register(path, basename(fileName)),
    registerBytes(fileName, bytes) {
      if (bytes.byteLength > MAX_INTAKE_BYTES) throw new AppError('VALIDATION', tooLargeMessage(bytes.byteLength));
      const path = join(uploads(), randomUUID());
      writeFileSync(path, bytes);
      return register(path, basename(fileName));
    },
    uploadPath: () => join(uploads(), randomUUID()),
    resolve(token) {
      const file = typeof token === 'string' ? files.get(token) : undefined;
      if (!file) throw new AppError('NOT_FOUND', 'Arquivo não encontrado: escolha o arquivo de novo.');
      return file;
    },
    close() {
      files.clear();
      if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
      uploadDir = null;
    },
  };
}

export function toPickedFile(f: IntakeFile): PickedFile {
  return { token: f.token, fileName: f.fileName, sizeBytes: f.sizeBytes };
}
