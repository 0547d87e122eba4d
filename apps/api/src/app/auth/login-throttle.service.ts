import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';

/**
 * Failed sign-ins are counted per account and per client address in PostgreSQL (so every API
 * replica shares the counters). Past the limit, sign-in is refused for the lockout period.
 */
@Injectable()
export class LoginThrottleService {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: ResolvedConfig) {
    const pool: unknown = (dataSource.driver as unknown as { master: unknown }).master;
    const { maxFailuresPerAccount, maxFailuresPerAddress, lockoutSeconds } = config.loginThrottle;
    const common = {
      storeClient: pool,
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
    };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_account',
      points: maxFailuresPerAccount,
      duration: lockoutSeconds,
      blockDuration: lockoutSeconds,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_address',
      points: maxFailuresPerAddress,
      duration: lockoutSeconds,
      blockDuration: lockoutSeconds,
    });
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([this.perAccount.get(email), this.perAddress.get(address)]);
    const blocked = [
      [account, this.perAccount.points],
      [client, this.perAddress.points],
    ].filter(([res, points]) => res instanceof RateLimiterRes && res.consumedPoints >= (points as number));
    if (blocked.length > 0) {
      const retryAfter = Math.max(
        ...blocked.map(([res]) => Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)),
      );
      throw new DomainError('too_many_attempts', 'Too many failed sign-in attempts. Try again later.', {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.consume(this.perAccount, email), this.consume(this.perAddress, address)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }

  private async consume(limiter: RateLimiterPostgres, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error; // over the limit is expected here
    }
  }
}
