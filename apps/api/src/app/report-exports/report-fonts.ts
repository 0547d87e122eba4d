import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openSync, type Font } from 'fontkit';

const FILES = { regular: 'Pretendard-Regular.otf', bold: 'Pretendard-Bold.otf' } as const;
const PACKAGE_DIR = join('node_modules', 'pretendard', 'dist', 'public', 'static');

/** Folders that may hold the fonts: the built API's copy (webpack assets), then node_modules up the tree. */
function candidates(): string[] {
  const found = [join(__dirname, 'assets', 'fonts')];
  for (const start of [__dirname, process.cwd()]) {
    for (let folder = start; ; folder = dirname(folder)) {
      found.push(join(folder, PACKAGE_DIR));
      if (dirname(folder) === folder) break;
    }
  }
  return found;
}

let resolved: { regular: string; bold: string } | null = null;

/**
 * The PDF's font files: Pretendard (SIL Open Font License, npm `pretendard`), which covers Hangul
 * and Latin, so a Korean reader's report prints in Korean. The built API carries a copy in
 * assets/fonts; tests and tools read the package itself.
 */
export function reportFonts(): { regular: string; bold: string } {
  if (resolved) return resolved;
  const folder = candidates().find((candidate) => existsSync(join(candidate, FILES.regular)));
  if (!folder) throw new Error('The report font (pretendard) is not installed');
  resolved = { regular: join(folder, FILES.regular), bold: join(folder, FILES.bold) };
  return resolved;
}

let loaded: { regular: Font; bold: Font } | null = null;

function single(path: string): Font {
  const font = openSync(path);
  if (!('layout' in font)) throw new Error(`${path} is a font collection, not a font`);
  return font;
}

/**
 * The fonts parsed once per process (fontkit), so each PDF reuses their tables and glyph caches
 * instead of reading and parsing 1.5 MB twice per export (about a second saved per file).
 */
export function loadedReportFonts(): { regular: Font; bold: Font } {
  if (loaded) return loaded;
  const files = reportFonts();
  loaded = { regular: single(files.regular), bold: single(files.bold) };
  return loaded;
}
