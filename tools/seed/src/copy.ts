import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inspect } from 'node:util';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Rows are encoded into PostgreSQL's COPY text format as they are generated and kept only as
 * text until their table is written, so memory holds strings, not row objects.
 */
export type Kind = 'uuid' | 'text' | 'int' | 'bool' | 'timestamptz' | 'date' | 'text[]' | 'jsonb';

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

type ValueOf<K extends Kind> = K extends 'int'
  ? number
  : K extends 'bool'
    ? boolean
    : K extends 'timestamptz'
      ? Date | number
      : K extends 'text[]'
        ? readonly string[]
        : K extends 'jsonb'
          ? Json
          : string;

export type Columns = Record<string, Kind>;

/** Every listed column must be given (null where empty); columns not listed keep their defaults. */
export type Row<C extends Columns> = { [K in keyof C]: ValueOf<C[K]> | null };

export interface Table<C extends Columns> {
  name: string;
  columns: C;
}

export function table<C extends Columns>(name: string, columns: C): Table<C> {
  return { name, columns };
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (match) => ESCAPES[match] as string) : text;
}

/** Shared objects (a contract's policy snapshot on each of its deliverables) are encoded once. */
const ENCODED = new WeakMap<object, string>();

function encode(kind: Kind, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (kind) {
    case 'uuid':
    case 'date':
      return value as string;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new Error(`not a safe integer: ${inspect(value)}`);
      }
      return String(value);
    case 'bool':
      return value ? 't' : 'f';
    case 'timestamptz':
      return new Date(value as Date | number).toISOString();
    case 'text':
      return escapeText(value as string);
    case 'text[]':
      return escapeText(
        `{${(value as readonly string[]).map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`,
      );
    case 'jsonb': {
      if (typeof value !== 'object') return escapeText(JSON.stringify(value));
      let encoded = ENCODED.get(value);
      if (encoded === undefined) {
        encoded = escapeText(JSON.stringify(value));
        ENCODED.set(value, encoded);
      }
      return encoded;
    }
  }
}

const CHUNK_ROWS = 2000;

/** What the loader needs of a buffer. */
export interface PendingRows {
  readonly table: { name: string };
  readonly rows: number;
  take(): { sql: string; chunks: string[]; rows: number };
}

/** The encoded rows of one table waiting to be written. */
export class TableBuffer<C extends Columns> implements PendingRows {
  private readonly keys: (keyof C & string)[];
  private readonly kinds: Kind[];
  private chunks: string[] = [];
  private lines: string[] = [];
  private pending = 0;

  constructor(readonly table: Table<C>) {
    const columns = Object.entries(table.columns);
    this.keys = columns.map(([key]) => key as keyof C & string);
    this.kinds = columns.map(([, kind]) => kind);
  }

  get rows(): number {
    return this.pending;
  }

  push(row: Row<C>): void {
    let line = '';
    for (let index = 0; index < this.keys.length; index++) {
      const key = this.keys[index] as keyof C & string;
      line += (index === 0 ? '' : '\t') + encode(this.kinds[index] as Kind, row[key]);
    }
    this.lines.push(`${line}\n`);
    this.pending++;
    if (this.lines.length >= CHUNK_ROWS) this.seal();
  }

  /** Hands the encoded text over and empties the buffer. */
  take(): { sql: string; chunks: string[]; rows: number } {
    this.seal();
    const taken = {
      sql: `COPY ${this.table.name} (${this.keys.join(', ')}) FROM STDIN`,
      chunks: this.chunks,
      rows: this.pending,
    };
    this.chunks = [];
    this.pending = 0;
    return taken;
  }

  private seal(): void {
    if (this.lines.length === 0) return;
    this.chunks.push(this.lines.join(''));
    this.lines = [];
  }
}

export interface TableStats {
  rows: number;
  ms: number;
}

/** Writes buffers with COPY on one connection (inside the caller's transaction) and keeps per-table totals. */
export class Loader {
  readonly stats = new Map<string, TableStats>();
  /** COPY … WITH (FREEZE): allowed into tables truncated in this transaction, saves a VACUUM. */
  freeze = false;

  constructor(readonly client: ClientBase) {}

  async write(...buffers: PendingRows[]): Promise<void> {
    for (const buffer of buffers) {
      if (buffer.rows === 0) continue;
      const started = performance.now();
      const { sql, chunks, rows } = buffer.take();
      await pipeline(
        Readable.from(chunks),
        this.client.query(copyFrom(this.freeze ? `${sql} WITH (FREEZE)` : sql)),
      );
      this.count(buffer.table.name, rows, performance.now() - started);
    }
  }

  /** Time spent on a statement that is not a COPY (e.g. linking current versions), under a table's name. */
  async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    this.count(name, 0, performance.now() - started);
    return result;
  }

  private count(name: string, rows: number, ms: number): void {
    const stats = this.stats.get(name) ?? { rows: 0, ms: 0 };
    stats.rows += rows;
    stats.ms += ms;
    this.stats.set(name, stats);
  }
}
