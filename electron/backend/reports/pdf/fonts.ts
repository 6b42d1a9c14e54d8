import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';

const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/**
 * Where resources/fonts is: `ADIMPLE_FONTS_DIR` when set; in a packaged app electron-builder copies it to
 * `<resources>/fonts` (extraResources); in development, tests and the bundled shell started from the
 * checkout, the nearest `resources/fonts` above the working directory or the running script.
 */
function findFontsDir(): string {
  const candidates: string[] = [];
  if (process.env.ADIMPLE_FONTS_DIR) candidates.push(process.env.ADIMPLE_FONTS_DIR);
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'));
  for (const start of [process.cwd(), process.argv[1] ? dirname(process.argv[1]) : null]) {
    for (let dir = start; dir; ) {
      candidates.push(join(dir, 'resources', 'fonts'));
      const parent = dirname(dir);
      dir = parent === dir ? null : parent;
    }
  }
  const found = candidates.find((dir) => existsSync(join(dir, FILES.normal)));
  if (!found) throw new Error(`Fontes dos relatórios não encontradas (procurado em: ${candidates.slice(0, 4).join(', ')})`);
  return found;
}

/** Roboto (Apache 2.0, copied from pdfmake): font dictionary by file name plus the bytes of each file. */
export interface ReportFonts {
  dictionary: TFontDictionary;
  files: Map<string, Buffer>;
}

let loaded: ReportFonts | null = null;

/** Read once into memory, so pdfmake serves them from its virtual file system and never touches the disk. */
export function reportFonts(): ReportFonts {
  if (!loaded) {
    const dir = findFontsDir();
    loaded = {
      dictionary: { Roboto: { ...FILES } },
      files: new Map(Object.values(FILES).map((name) => [name, readFileSync(join(dir, name))])),
    };
  }
  return loaded;
}
