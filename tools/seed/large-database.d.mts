/** Types of large-database.mjs for the TypeScript generator. */
export interface LargePaths {
  dataDir: string;
  databaseDir: string;
  storageDir: string;
  summaryFile: string;
  port: number;
}

export interface LargeDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function largePaths(env?: NodeJS.ProcessEnv): LargePaths;
export function start(options?: {
  env?: NodeJS.ProcessEnv;
  bulkLoad?: boolean;
  log?: (line: string) => void;
}): Promise<LargeDatabase>;
export function stop(): Promise<void>;
export function readSummary(env?: NodeJS.ProcessEnv): Record<string, unknown> | null;
