// Writes brotli (.br) and gzip (.gz) copies of the built web app's text files next to them, so the
// API serves them precompressed at the best ratio without compressing on every request.
// Usage: node tools/build/precompress.mjs <folder>   (e.g. dist/apps/web/browser)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|webmanifest|map|bcmap|pfb|ttf|otf)$/;
/** Below this the encoding overhead eats the saving. */
const MIN_BYTES = 1024;
const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

async function* filesUnder(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield path;
  }
}

async function compress(path) {
  const bytes = await readFile(path);
  if (bytes.length < MIN_BYTES) return null;
  const [br, gz] = await Promise.all([
    toBrotli(bytes, {
      params: {
        // Quality 10: within 2 % of the maximum (11) in less than half its time.
        [constants.BROTLI_PARAM_QUALITY]: 10,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    toGzip(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy that is not smaller is not worth sending.
  if (br.length < bytes.length) await writeFile(`${path}.br`, br);
  if (gz.length < bytes.length) await writeFile(`${path}.gz`, gz);
  return { size: bytes.length, br: br.length, gz: gz.length };
}

/** Compresses on zlib's thread pool, a few files at a time. */
export async function precompress(folder, concurrency = 4) {
  const totals = { files: 0, size: 0, br: 0, gz: 0 };
  const paths = [];
  for await (const path of filesUnder(folder)) paths.push(path);
  const worker = async () => {
    for (let path = paths.pop(); path !== undefined; path = paths.pop()) {
      const result = await compress(path);
      if (!result) continue;
      totals.files++;
      totals.size += result.size;
      totals.br += result.br;
      totals.gz += result.gz;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return totals;
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node tools/build/precompress.mjs <folder>\n');
  process.exit(2);
}
if (!(await stat(folder).catch(() => null))?.isDirectory()) {
  process.stderr.write(`precompress: ${folder} is not a folder (build the web app first)\n`);
  process.exit(1);
}
const totals = await precompress(folder);
const kb = (bytes) => `${Math.round(bytes / 1024)} kB`;
process.stdout.write(
  `precompressed ${totals.files} files in ${relative(process.cwd(), folder) || '.'}: ` +
    `${kb(totals.size)} → brotli ${kb(totals.br)}, gzip ${kb(totals.gz)}\n`,
);
