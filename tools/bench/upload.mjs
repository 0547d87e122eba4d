#!/usr/bin/env node
/**
 * Upload benchmark (not a test): one large file through the real HTTP path, tus in 128 MiB PATCHes
 * streamed from disk, against the built API on a throwaway embedded database.
 *
 *   npx nx build api && node tools/bench/upload.mjs      (npm run bench:upload does both)
 *
 * Reports upload throughput against a plain disk write of the same bytes in the same run (a
 * streamed copy of the file into the storage folder, fsynced at the end), as medians of
 * BENCH_ROUNDS alternating rounds, and the API process's peak RSS growth over its baseline while
 * the uploads run. For perspective it also times the same copy flushed as it goes, the way the
 * API writes uploads: against that one the gap is the cost of HTTP, tus and hashing alone.
 * Targets: ≥ 80 % of the disk write speed, ≤ 64 MB RSS growth. Exits 1 when a target is missed.
 * Both speeds swing widely on a shared 2-core machine: read the per-round lines too.
 *
 * Environment: BENCH_UPLOAD_MB (default 1024), BENCH_CHUNK_MB (default 128), BENCH_ROUNDS
 * (default 5), BENCH_KEEP=1 keeps the temporary folder for inspection, BENCH_API_NODE_FLAGS are
 * given to the API's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time
 * goes), BENCH_API_LOG=FILE keeps the API's standard output (with `--trace-gc`, its collections).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { open, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import net from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_MB ?? 1024) * MiB;
const CHUNK = Number(process.env.BENCH_CHUNK_MB ?? 128) * MiB;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_RATIO = 0.8;
const TARGET_RSS_GROWTH_MB = 64;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
const MEMBER = 'member@northwind.demo.local';
const LEAD = 'lead@demo.local';
const PASSWORD = 'demo-password';

const say = (message) => process.stdout.write(`${message}\n`);
const mbps = (bytes, ms) => bytes / MiB / (ms / 1000);
const mb = (bytes) => (bytes / MiB).toFixed(1);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function freePort() {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Resident set size of a process in bytes, from /proc (Linux). */
function rssOf(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU seconds a process has used so far in user and kernel mode, from /proc (Linux, 100 ticks a second). */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** Samples a process's RSS every 50 ms until stopped; returns the peak. */
function sampleRss(pid) {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(pid));
    } catch {
      // the process is gone; the caller will notice
    }
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssOf(pid));
    },
  };
}

/**
 * A file of `size` bytes that is an MP4 by content (ftyp box, then one mdat box) and random-ish
 * after that: a 16 MiB random block, each copy stamped with its index so no two blocks are alike.
 */
async function generateMp4(path, size) {
  const block = randomBytes(16 * MiB);
  const hash = createHash('sha256');
  const file = await open(path, 'w');
  try {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom'),
      Buffer.from([0, 0, 2, 0]),
      Buffer.from('isomiso2'),
    ]);
    const mdat = Buffer.alloc(16);
    mdat.writeUInt32BE(1, 0); // size 1: a 64-bit size follows
    mdat.write('mdat', 4);
    mdat.writeBigUInt64BE(BigInt(size - ftyp.length), 8);
    const head = Buffer.concat([ftyp, mdat]);
    hash.update(head);
    await file.write(head);
    let written = head.length;
    for (let index = 0; written < size; index += 1) {
      block.writeUInt32BE(index, 0);
      const piece = block.subarray(0, Math.min(block.length, size - written));
      hash.update(piece);
      await file.write(piece);
      written += piece.length;
    }
    await file.sync();
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** Flushes everything written so far, so one measurement does not pay for the previous one's writeback. */
async function settle(path) {
  const file = await open(path, 'r');
  await file.sync().finally(() => file.close());
  await new Promise((done) => spawn('sync', { stdio: 'ignore' }).on('exit', done).on('error', done));
}

/** Flushes every file under a folder to the disk (fsync), so a measurement ends when the bytes are durable. */
async function syncTree(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = await open(join(entry.parentPath ?? entry.path, entry.name), 'r');
    await file.sync().finally(() => file.close());
  }
}

/**
 * The plain disk write: the same bytes streamed from the source into a new file in the same
 * folder, timed until they are durable (fsync) — as the upload is, so page-cache luck does not
 * decide the comparison.
 */
async function diskWrite(source, target) {
  const started = performance.now();
  await pipeline(createReadStream(source, { highWaterMark: MiB }), createWriteStream(target));
  const file = await open(target, 'r');
  await file.sync().finally(() => file.close());
  const elapsed = performance.now() - started;
  await rm(target, { force: true });
  return elapsed;
}

/**
 * The same copy, flushed the way the API writes uploads: an fdatasync started in the background
 * every 16 MiB (one at a time), then a last one. The fairest baseline for the upload path: the
 * same disk technique, without HTTP, tus and hashing.
 */
async function flushedDiskWrite(source, target) {
  const started = performance.now();
  const file = await open(target, 'wx');
  let sinceFlush = 0;
  let flushing;
  try {
    let position = 0;
    for await (const chunk of createReadStream(source, { highWaterMark: 4 * MiB })) {
      const { bytesWritten } = await file.write(chunk, 0, chunk.length, position);
      position += bytesWritten;
      sinceFlush += bytesWritten;
      if (sinceFlush >= 16 * MiB && !flushing) {
        sinceFlush = 0;
        flushing = file.datasync().finally(() => {
          flushing = undefined;
        });
      }
    }
    await flushing;
    await file.datasync();
  } finally {
    await file.close();
  }
  const elapsed = performance.now() - started;
  await rm(target, { force: true });
  return elapsed;
}

function call(base, method, path, { token, headers = {}, body, stream, length } = {}) {
  return new Promise((done, fail) => {
    const request = httpRequest(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(length !== undefined ? { 'Content-Length': String(length) } : {}),
        ...headers,
      },
    });
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        done({ status: response.statusCode, headers: response.headers, json, text });
      });
    });
    if (stream) {
      stream.on('error', (error) => request.destroy(error));
      stream.pipe(request);
    } else {
      request.end(body !== undefined ? JSON.stringify(body) : undefined);
    }
  });
}

async function expectStatus(promise, status, what) {
  const response = await promise;
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 500)}`);
  }
  return response;
}

async function signIn(base, email) {
  const response = await expectStatus(
    call(base, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } }),
    200,
    `sign in ${email}`,
  );
  return response.json.accessToken;
}

/** A fresh deliverable the Northwind member may upload to: a brief from the lead, accepted by the agency. */
async function uploadableDeliverable(base, leadToken, memberToken) {
  const contracts = (
    await expectStatus(call(base, 'GET', '/api/contracts', { token: leadToken }), 200, 'list contracts')
  ).json;
  const summary =
    contracts.find(
      (contract) => contract.agencyName === 'Northwind Social' && contract.status === 'active',
    ) ?? contracts.find((contract) => contract.status === 'active');
  if (!summary) throw new Error('No active contract in the demo data');
  const contract = (
    await expectStatus(
      call(base, 'GET', `/api/contracts/${summary.id}`, { token: leadToken }),
      200,
      'read contract',
    )
  ).json;
  const brief = (
    await expectStatus(
      call(base, 'POST', '/api/briefs', {
        token: leadToken,
        body: {
          contractId: contract.id,
          goalIds: [contract.allocations[0].goalId],
          title: 'Upload benchmark',
          objective: 'Measure uploads',
          audience: 'Engineers',
          keyMessages: ['Fast'],
          channels: ['youtube'],
          funnelStage: 'awareness',
          dueDate: '2030-01-31',
          specs: [
            {
              rateCardItemId: contract.rateCard[0].id,
              quantity: 1,
              dueDate: '2030-01-20',
              channel: 'youtube',
            },
          ],
        },
      }),
      201,
      'create brief',
    )
  ).json;
  await expectStatus(
    call(base, 'POST', `/api/briefs/${brief.id}/send`, { token: leadToken }),
    200,
    'send brief',
  );
  const accepted = (
    await expectStatus(
      call(base, 'POST', `/api/briefs/${brief.id}/accept`, { token: memberToken }),
      200,
      'accept brief',
    )
  ).json;
  return accepted.deliverables[0].id;
}

function tusMetadata(values) {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

/** The tus client: create, then PATCH `chunk`-sized ranges streamed from the file. Returns the stored file id. */
async function tusUpload(base, token, deliverableId, path, size, chunk, filename) {
  const tus = { 'Tus-Resumable': '1.0.0' };
  const created = await expectStatus(
    call(base, 'POST', '/api/uploads', {
      token,
      headers: {
        ...tus,
        'Upload-Length': String(size),
        'Upload-Metadata': tusMetadata({ deliverableId, filename }),
      },
    }),
    201,
    'create upload',
  );
  const location = created.headers.location;
  let offset = 0;
  let fileId;
  while (offset < size) {
    const end = Math.min(size, offset + chunk);
    const response = await expectStatus(
      call(base, 'PATCH', location, {
        token,
        headers: {
          ...tus,
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
        },
        length: end - offset,
        stream: createReadStream(path, { start: offset, end: end - 1, highWaterMark: MiB }),
      }),
      204,
      `PATCH at ${offset}`,
    );
    offset = Number(response.headers['upload-offset']);
    fileId = response.headers['upload-file-id'];
  }
  if (!fileId) throw new Error('The last PATCH did not answer Upload-File-Id');
  return fileId;
}

/**
 * The node flags `npm start` gives the API (e.g. the young generation's size, which decides how
 * cheaply V8 frees an upload's socket buffers): the benchmark measures the API as it is started.
 */
function startFlags() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/apps\/api\/main\.js/.exec(scripts.start ?? '');
  if (!match) throw new Error('package.json scripts.start does not run node dist/apps/api/main.js');
  return match[1].split(/\s+/).filter(Boolean);
}

function startApi(work, apiPort, pgPort) {
  const flags = [...startFlags(), ...(process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...flags, MAIN], {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(apiPort),
      EMBEDDED_PG_DATA_DIR: join(work, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      STORAGE_DIR: join(work, 'files'),
      WEB_DIST_DIR: join(work, 'no-web'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'true',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (process.env.BENCH_API_LOG) child.stdout.pipe(createWriteStream(process.env.BENCH_API_LOG));
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString('utf8'));
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, log };
}

async function waitForHealth(base, api) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null)
      throw new Error(`The API exited (${api.child.exitCode}):\n${api.log.join('')}`);
    try {
      const response = await call(base, 'GET', '/api/health');
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API did not become healthy in 120 s:\n${api.log.join('')}`);
}

async function stopApi(api) {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((done) => api.child.once('exit', done));
  api.child.kill('SIGTERM');
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  if (!existsSync(MAIN)) {
    say(`${MAIN} is missing: build the API first (npx nx build api), or run npm run bench:upload.`);
    process.exitCode = 1;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'agency-portal-bench-'));
  chmodSync(work, 0o755); // as root, embedded PostgreSQL runs as the `postgres` user and must reach its folder
  let api;
  const cleanUp = async () => {
    await stopApi(api);
    if (process.env.BENCH_KEEP === '1') say(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const [apiPort, pgPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${apiPort}`;
    say(`Upload benchmark: ${mb(SIZE)} MiB in PATCHes of ${mb(CHUNK)} MiB, work folder ${work}`);
    say(`  API started as npm start does: node ${[...startFlags(), 'main.js'].join(' ')}`);
    api = startApi(work, apiPort, pgPort);

    const source = join(work, 'source.mp4');
    const [sha256] = await Promise.all([generateMp4(source, SIZE), waitForHealth(base, api)]);
    say(`  API pid ${api.child.pid} is up; test file generated (sha256 ${sha256.slice(0, 16)}…)`);

    const leadToken = await signIn(base, LEAD);
    const memberToken = await signIn(base, MEMBER);
    const deliverableId = await uploadableDeliverable(base, leadToken, memberToken);

    // Warm-up: the first upload loads code paths and pools that are no part of a file's cost.
    const warm = join(work, 'warm.mp4');
    await generateMp4(warm, 2 * MiB);
    await tusUpload(base, memberToken, deliverableId, warm, 2 * MiB, CHUNK, 'warm-up.mp4');

    // Interleaved rounds, everything flushed before each measurement: this machine's disk speed
    // varies from run to run, and medians of alternating runs compare like with like.
    const diskMs = [];
    const flushedMs = [];
    const uploadMs = [];
    const apiCpu = { user: 0, system: 0 };
    let clientCpu = 0;
    await new Promise((done) => setTimeout(done, 500));
    const baseline = rssOf(api.child.pid);
    let peak = baseline;
    for (let round = 0; round < ROUNDS; round += 1) {
      await settle(source);
      diskMs.push(await diskWrite(source, join(work, 'files', 'disk-write.bin')));
      await settle(source);
      flushedMs.push(await flushedDiskWrite(source, join(work, 'files', 'disk-write-flushed.bin')));
      await settle(source);
      const sampler = sampleRss(api.child.pid);
      const cpuBefore = cpuOf(api.child.pid);
      const clientBefore = process.cpuUsage();
      const started = performance.now();
      const fileId = await tusUpload(
        base,
        memberToken,
        deliverableId,
        source,
        SIZE,
        CHUNK,
        `benchmark-${round + 1}.mp4`,
      );
      // Durable, like the disk write: the stored file is flushed before the clock stops.
      await syncTree(join(work, 'files', 'deliverables', deliverableId));
      uploadMs.push(performance.now() - started);
      const cpuAfter = cpuOf(api.child.pid);
      apiCpu.user += cpuAfter.user - cpuBefore.user;
      apiCpu.system += cpuAfter.system - cpuBefore.system;
      const client = process.cpuUsage(clientBefore);
      clientCpu += (client.user + client.system) / 1e6;
      peak = Math.max(peak, sampler.stop());
      const stored = (
        await expectStatus(
          call(base, 'GET', `/api/uploads/files/${fileId}`, { token: memberToken }),
          200,
          'describe file',
        )
      ).json;
      if (stored.sha256 !== sha256 || stored.sizeBytes !== SIZE || stored.contentType !== 'video/mp4') {
        throw new Error(`The stored file does not match: ${JSON.stringify(stored)}`);
      }
      // Like the disk write's copy, the stored upload goes before the next round, so that every
      // measurement starts from the same state (nothing left to flush).
      await rm(join(work, 'files', 'deliverables', deliverableId), { recursive: true, force: true });
      say(
        `  round ${round + 1}: disk write ${mbps(SIZE, diskMs[round]).toFixed(0)} MB/s, ` +
          `flushed disk write ${mbps(SIZE, flushedMs[round]).toFixed(0)} MB/s, upload ${mbps(SIZE, uploadMs[round]).toFixed(0)} MB/s`,
      );
    }

    const disk = median(diskMs.map((ms) => mbps(SIZE, ms)));
    const upload = median(uploadMs.map((ms) => mbps(SIZE, ms)));
    const flushed = median(flushedMs.map((ms) => mbps(SIZE, ms)));
    const ratio = upload / disk;
    const flushedRatio = upload / flushed;
    const growth = (peak - baseline) / MiB;
    const speedOk = ratio >= TARGET_RATIO;
    const memoryOk = growth <= TARGET_RSS_GROWTH_MB;
    say('');
    say(
      `  disk write   ${disk.toFixed(0)} MB/s   (median of ${ROUNDS}; a streamed copy of the file into the storage folder, fsynced)`,
    );
    say(
      `  flushed disk ${flushed.toFixed(0)} MB/s   (median of ${ROUNDS}; the same copy flushed every 16 MiB as it goes, as the API writes uploads)`,
    );
    say(
      `  upload       ${upload.toFixed(0)} MB/s   (median of ${ROUNDS}; tus over HTTP until the stored file is fsynced; sha256 and size verified)`,
    );
    say(
      `  ratio        ${(ratio * 100).toFixed(0)} %       target ≥ ${TARGET_RATIO * 100} %   ${speedOk ? 'PASS' : 'FAIL'}`,
    );
    say(
      `  (against the flushed disk write: ${(flushedRatio * 100).toFixed(0)} %, the cost of HTTP, tus and hashing alone)`,
    );
    say(
      `  API RSS      baseline ${mb(baseline)} MB, peak ${mb(peak)} MB, growth ${growth.toFixed(1)} MB   target ≤ ${TARGET_RSS_GROWTH_MB} MB   ${memoryOk ? 'PASS' : 'FAIL'}`,
    );
    say(
      `  CPU per upload: API ${((apiCpu.user + apiCpu.system) / ROUNDS).toFixed(2)} s ` +
        `(user ${(apiCpu.user / ROUNDS).toFixed(2)}, kernel ${(apiCpu.system / ROUNDS).toFixed(2)}), this client ${(clientCpu / ROUNDS).toFixed(2)} s ` +
        `(on ${availableParallelism()} cores; MB = MiB)`,
    );
    if (!speedOk || !memoryOk) process.exitCode = 1;
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().catch((error) => {
  process.stderr.write(
    `Upload benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
