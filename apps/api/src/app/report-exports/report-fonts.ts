import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
