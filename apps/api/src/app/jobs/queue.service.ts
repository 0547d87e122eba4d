import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

/** What a module tells the queue about one kind of job. */
export interface JobDefinition<T extends object = object> {
  /** Queue name, `<module>.<job>`. */
  name: string;
  handle(data: T): Promise<void>;
  /** A cron expression (UTC): the job also runs on this schedule. */
  schedule?: string;
  /** Also queue one run at boot, to catch up on what a stopped portal missed. */
  runAtBoot?: boolean;
  /** One run at a time across every replica (scheduled sweeps). */
  singleton?: boolean;
  /** Attempts after the first, with exponentially growing delays from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface SendOptions {
  /** Jobs with the same key on a queue are one job while it waits. */
  singletonKey?: string;
}

/** A pg-boss executor running on the caller's transaction, so a job is queued if and only if it commits. */
function withinTransaction(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await manager.query<unknown[]>(text, values) }),
  };
}

/**
 * The PostgreSQL-backed queue (pg-boss) and nothing else: modules register their jobs here when
 * they start (see JobDefinition), so this module knows no domain. With several replicas each job
 * runs once. JOBS_ENABLED=false keeps this replica from working jobs and schedules (jobs are still
 * queued, for the replicas that do); tests run queued jobs with drain().
 */
@Injectable()
export class QueueService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private started = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(QueueService.name);
    const working = config.jobsEnabled;
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      max: 3,
      application_name: 'agency-portal-jobs',
      supervise: working,
      schedule: working,
      // A job still active this long is taken for dead (its process crashed) and retried.
      expireInSeconds: config.jobTimeoutSeconds,
      maintenanceIntervalSeconds: Math.min(60, config.jobTimeoutSeconds),
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
  }

  /** Called by modules in onModuleInit; the queues are created and worked at bootstrap. */
  register<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is registered twice`);
    // The queue hands each handler the data its sender queued under the same name (sendWithin/send).
    this.definitions.set(definition.name, definition);
  }

  /** Queues a job inside the caller's transaction: it exists only if that transaction commits. */
  async sendWithin(
    manager: EntityManager,
    name: string,
    data: object,
    options: SendOptions = {},
  ): Promise<void> {
    const definition = this.definitionOf(name);
    const id = await this.boss.send(name, data, {
      ...this.retryOf(definition),
      ...options,
      db: withinTransaction(manager),
    });
    if (id === null && !options.singletonKey) throw new Error(`Job ${name} was not queued`);
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<void> {
    await this.boss.send(name, data, { ...this.retryOf(this.definitionOf(name)), ...options });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const definition of this.definitions.values()) {
      await this.boss.createQueue(definition.name, {
        name: definition.name,
        policy: definition.singleton ? 'singleton' : 'standard',
        ...this.retryOf(definition),
      });
    }
    if (!this.config.jobsEnabled) return;
    for (const definition of this.definitions.values()) {
      if (definition.schedule)
        await this.boss.schedule(definition.name, definition.schedule, {}, { tz: 'UTC' });
      await this.boss.work<object>(definition.name, { batchSize: 5, pollingIntervalSeconds: 1 }, (jobs) =>
        this.run(definition, jobs),
      );
      if (definition.runAtBoot) await this.boss.send(definition.name, {}, { singletonKey: 'boot' });
    }
  }

  /**
   * Runs every job waiting on the registered queues (or the named ones) until none is left: for
   * tests and tools, which do not start workers. A job that fails is left to its retry schedule.
   */
  async drain(names: readonly string[] = [...this.definitions.keys()]): Promise<number> {
    let ran = 0;
    for (let round = 0; round < 50; round++) {
      let found = 0;
      for (const name of names) {
        const jobs = await this.boss.fetch<object>(name, { batchSize: 50 });
        for (const job of jobs ?? []) {
          found++;
          try {
            await this.definitionOf(name).handle(job.data);
            await this.boss.complete(name, job.id);
          } catch (error) {
            await this.boss.fail(name, job.id, {
              message: error instanceof Error ? error.message : String(error),
            });
          }
        }
      }
      ran += found;
      if (found === 0) return ran;
    }
    return ran;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
  }

  private async run(definition: JobDefinition, jobs: PgBoss.Job<object>[]): Promise<void> {
    // One after another: a batch is completed (or failed and retried) as a whole by pg-boss, and
    // handlers are idempotent, so a retried batch redoes nothing that was done.
    for (const job of jobs) {
      try {
        await definition.handle(job.data);
      } catch (error) {
        this.logger.warn(
          { err: error, job: definition.name, jobId: job.id },
          'Job failed; it will be retried',
        );
        throw error;
      }
    }
  }

  private definitionOf(name: string): JobDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Job ${name} is not registered`);
    return definition;
  }

  private retryOf(definition: JobDefinition): {
    retryLimit: number;
    retryDelay: number;
    retryBackoff: boolean;
  } {
    return {
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelaySeconds ?? 30,
      retryBackoff: true,
    };
  }
}
