import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { hashToken } from './secrets';
import { msg, type Message } from '../i18n/message';

/** More failures than any pair can make in a window: the pair counter only counts, it never refuses. */
const UNBOUNDED = 1_000_000;

/**
 * Failed sign-ins, counted in PostgreSQL so every replica shares them (OWASP Authentication
 * Cheat Sheet, "Login Throttling"):
 * - per account *and* client address: after a few failures each further attempt from that
 *   address must wait, twice as long every time (30 s, 1 min, 2 min … up to 15 min). Nobody
 *   elsewhere is slowed down, so a stranger guessing at the finance team's password cannot lock
 *   them out;
 * - per client address, across accounts: past the limit the address is refused for the window.
 * Keys are hashed: an e-mail of any length fits the limiter's key column.
 */
@Injectable()
export class LoginThrottleService {
  private readonly perAddress: RateLimiterPostgres;
  private readonly pairFailures: RateLimiterPostgres;
  private readonly pairWait: RateLimiterPostgres;
  private readonly settings: ResolvedConfig['loginThrottle'];

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: ResolvedConfig) {
    const pool: unknown = (dataSource.driver as unknown as { master: unknown }).master;
    this.settings = config.loginThrottle;
    const { maxFailuresPerAddress, windowSeconds } = this.settings;
    const common = {
      storeClient: pool,
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
    };
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_address',
      points: maxFailuresPerAddress,
      duration: windowSeconds,
      blockDuration: windowSeconds,
    });
    this.pairFailures = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_pair',
      points: UNBOUNDED,
      duration: windowSeconds,
    });
    // Only ever blocked for a while (block()); get() tells whether the pair must still wait.
    this.pairWait = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_pair_wait',
      points: 1,
      duration: 1,
    });
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [client, wait] = await Promise.all([
      this.perAddress.get(addressKey(address)),
      this.pairWait.get(pairKey(email, address)),
    ]);
    const waits = [
      client && client.consumedPoints >= this.perAddress.points ? client.msBeforeNext : 0,
      wait && wait.consumedPoints > this.pairWait.points ? wait.msBeforeNext : 0,
    ].filter((ms) => ms > 0);
    if (waits.length > 0) {
      const retryAfterSeconds = Math.ceil(Math.max(...waits) / 1000);
      throw new DomainError('too_many_attempts', waitMessage(retryAfterSeconds), { retryAfterSeconds });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const pair = pairKey(email, address);
    const [failures] = await Promise.all([
      this.pairFailures.consume(pair),
      this.consume(this.perAddress, addressKey(address)),
    ]);
    const beyondFree = failures.consumedPoints - this.settings.failuresBeforeDelay;
    if (beyondFree >= 0) {
      const delay = Math.min(
        this.settings.maxDelaySeconds,
        this.settings.delaySeconds * 2 ** Math.min(beyondFree, 20),
      );
      await this.pairWait.block(pair, delay);
    }
  }

  /** The right password from this address: its count starts again (the address's own limit stays). */
  async recordSuccess(email: string, address: string): Promise<void> {
    const pair = pairKey(email, address);
    await Promise.all([this.pairFailures.delete(pair), this.pairWait.delete(pair)]);
  }

  private async consume(limiter: RateLimiterPostgres, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error; // over the limit is expected here
    }
  }
}

function addressKey(address: string): string {
  return hashToken(address);
}

function pairKey(email: string, address: string): string {
  return hashToken(`${email}\n${address}`);
}

function waitMessage(seconds: number): Message {
  return seconds < 90
    ? msg(
        'Too many failed sign-in attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
        {
          seconds,
        },
      )
    : msg(
        'Too many failed sign-in attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
        {
          minutes: Math.ceil(seconds / 60),
        },
      );
}
