// Fails when a language's XLIFF file misses a message the web app has, keeps one it no longer has,
// or has a message without a translation. Extracts the app's messages with Angular's own tool into
// a temporary folder and compares unit ids (docs/i18n.md).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCALES = ['ko', 'id'];
const outDir = mkdtempSync(join(tmpdir(), 'ap-i18n-'));
try {
  execFileSync(
    'npx',
    ['nx', 'run', 'web:extract-i18n', `--output-path=${outDir}`, '--output-style=static', '--skip-nx-cache'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_NO_CLOUD: 'true', NX_TUI: 'false' } },
  );
  const units = (xml) => {
    const found = new Map();
    for (const match of xml.matchAll(/<unit id="([^"]+)">([\s\S]*?)<\/unit>/g)) {
      found.set(match[1], match[2]);
    }
    return found;
  };
  const source = units(readFileSync(join(outDir, 'messages.xlf'), 'utf8'));
  let problems = 0;
  for (const locale of LOCALES) {
    const file = `apps/web/src/locale/messages.${locale}.xlf`;
    const translated = units(readFileSync(file, 'utf8'));
    for (const [id, body] of source) {
      const text = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
      const unit = translated.get(id);
      if (!unit) {
        problems += 1;
        console.error(`${file}: missing ${id} "${text.slice(0, 80)}"`);
      } else if (!/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(unit)) {
        problems += 1;
        console.error(`${file}: no translation for ${id} "${text.slice(0, 80)}"`);
      }
    }
    for (const id of translated.keys()) {
      if (!source.has(id)) {
        problems += 1;
        console.error(`${file}: stale ${id} (no longer in the app)`);
      }
    }
  }
  if (problems > 0) {
    console.error(`\n${problems} translation problem(s). See docs/i18n.md ("Adding or changing text").`);
    process.exit(1);
  }
  console.log(`Translations complete: ${source.size} messages in ${['en', ...LOCALES].join(', ')}.`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
