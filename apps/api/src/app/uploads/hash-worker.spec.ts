import { createHash, randomBytes } from 'node:crypto';
import { HashWorker } from './hash-worker';

describe('HashWorker', () => {
  let worker: HashWorker;

  beforeEach(() => {
    worker = new HashWorker();
  });

  afterEach(async () => {
    await worker.close();
  });

  it('should give the sha256 of every chunk added when several hashes run at once', async () => {
    const first = [randomBytes(3 * 1024 * 1024), randomBytes(10), randomBytes(5 * 1024 * 1024)];
    const second = [randomBytes(700), randomBytes(9 * 1024 * 1024)];
    const a = worker.start('a');
    const b = worker.start('b');

    for (let index = 0; index < 3; index += 1) {
      await worker.update('a', [first[index]]);
      if (second[index]) await worker.update('b', [second[index]]);
    }

    expect(await worker.digest('a', a)).toBe(createHash('sha256').update(Buffer.concat(first)).digest('hex'));
    expect(await worker.digest('b', b)).toBe(
      createHash('sha256').update(Buffer.concat(second)).digest('hex'),
    );
  });

  it('should take a batch of chunks larger than its ring in one update, in order', async () => {
    const batch = [
      randomBytes(3 * 1024 * 1024),
      randomBytes(0),
      randomBytes(10),
      randomBytes(6 * 1024 * 1024),
    ];
    const generation = worker.start('k');

    await worker.update('k', batch);
    await worker.update('k', [Buffer.from('tail')]);

    expect(await worker.digest('k', generation)).toBe(
      createHash('sha256')
        .update(Buffer.concat([...batch, Buffer.from('tail')]))
        .digest('hex'),
    );
  });

  it('should hash its own copy when the caller reuses the chunk’s memory afterwards', async () => {
    const chunk = Buffer.from('original');
    const generation = worker.start('k');

    await worker.update('k', [chunk]);
    chunk.fill(0);

    expect(await worker.digest('k', generation)).toBe(createHash('sha256').update('original').digest('hex'));
  });

  it('should reject the digest when the worker was replaced since the hash started', async () => {
    const generation = worker.start('k');
    await worker.update('k', [Buffer.from('bytes')]);

    await worker.close();
    worker.start('other');

    expect(worker.alive(generation)).toBe(false);
    await expect(worker.digest('k', generation)).rejects.toThrow('restarted');
  });
});
