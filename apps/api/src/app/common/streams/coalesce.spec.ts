import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { coalesce } from './coalesce';

async function chunksThrough(input: string[], bytes: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(input),
    coalesce(bytes),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return out;
}

describe('coalesce', () => {
  it('should pass every byte on, in order, in writes of at least the batch size but the last', async () => {
    const rows = Array.from({ length: 1000 }, (_, index) => `row ${index},한국어,Rp 1.000\n`);
    const out = await chunksThrough(rows, 4096);
    expect(Buffer.concat(out).toString('utf8')).toBe(rows.join(''));
    expect(out.length).toBeLessThan(rows.length / 50);
    for (const chunk of out.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(4096);
  });

  it('should answer nothing for nothing, and a short input as one write', async () => {
    expect(await chunksThrough([], 4096)).toEqual([]);
    const out = await chunksThrough(['a', 'b', 'c'], 4096);
    expect(out.map((chunk) => chunk.toString())).toEqual(['abc']);
  });
});
