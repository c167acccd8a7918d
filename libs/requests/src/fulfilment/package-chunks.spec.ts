import { createHash } from 'node:crypto';
import { CHUNK_BYTES, ChunkSink } from './package-chunks';

/** Everything a sink has ready, as the build stores it (`all` at the end). */
function drain(sink: ChunkSink, all = false): Buffer[] {
  const out: Buffer[] = [];
  for (let p = sink.take(all); p; p = sink.take(all)) out.push(p.data);
  return out;
}

describe('ChunkSink', () => {
  it('stores the text written, in pieces of at most CHUNK_BYTES, numbered in order, with its size and SHA-256', () => {
    const sink = new ChunkSink('access-csv');
    // Multi-byte characters at every position: a piece never ends inside one.
    const parts = Array.from({ length: 80_000 }, (_, i) => `${i},Jõgeva ümbrus, „${'ž'.repeat(i % 7)}“ 🇪🇪\r\n`);
    const pieces: Buffer[] = [];
    const seqs: number[] = [];
    for (const [i, text] of parts.entries()) {
      sink.write(text);
      if (i % 1000 === 999) {
        for (let p = sink.take(); p; p = sink.take()) {
          seqs.push(p.seq);
          pieces.push(p.data);
        }
      }
    }
    for (let p = sink.take(true); p; p = sink.take(true)) {
      seqs.push(p.seq);
      pieces.push(p.data);
    }
    const whole = Buffer.from(parts.join(''), 'utf8');
    expect(whole.length).toBeGreaterThan(2 * CHUNK_BYTES);
    expect(seqs).toEqual(pieces.map((_, i) => i));
    expect(pieces.every((p) => p.length <= CHUNK_BYTES)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.length > CHUNK_BYTES - 200)).toBe(true);
    expect(pieces.every((p) => Buffer.from(p.toString('utf8'), 'utf8').equals(p))).toBe(true);
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    expect(sink.sizeBytes).toBe(whole.length);
    expect(sink.sha256()).toBe(createHash('sha256').update(whole).digest('hex'));
  });

  it('holds back a piece until it is full, and gives what waits at the end', () => {
    const sink = new ChunkSink('access-json');
    sink.write('{"a":1}');
    expect(drain(sink)).toEqual([]);
    expect(drain(sink, true).map((b) => b.toString())).toEqual(['{"a":1}']);
    expect(drain(sink, true)).toEqual([]);
  });

  it('stores a text longer than a piece as a piece of its own', () => {
    const sink = new ChunkSink('access-html');
    const big = 'x'.repeat(CHUNK_BYTES + 10);
    sink.write('<p>');
    sink.write(big);
    sink.write('</p>');
    const pieces = drain(sink, true).map((b) => b.toString());
    expect(pieces).toEqual(['<p>', big, '</p>']);
    expect(sink.sizeBytes).toBe(big.length + 7);
  });
});
