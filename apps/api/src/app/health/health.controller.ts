import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Client } from 'pg';
import { Public } from '../auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
  @ApiProperty({ enum: ['up'] })
  database!: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  /**
   * 200 when the API can reach its database within HEALTH_CHECK_TIMEOUT_MS, 503 otherwise. It
   * asks over a connection of its own, so a frozen database or a busy pool answers quickly and the
   * check never takes a connection that requests need.
   */
  @Public()
  @Get()
  @ApiOperation({ description: 'Liveness and database reachability, for load balancers and orchestrators.' })
  @ApiServiceUnavailableResponse({ description: 'The database did not answer in time.' })
  async check(): Promise<HealthResponse> {
    const timeout = this.config.healthCheckTimeoutMs;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      application_name: 'agency-portal-health',
    });
    // A connect that fails emits 'error' too; it is answered below.
    client.on('error', () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('health check timed out')), timeout);
    });
    try {
      await Promise.race([client.connect().then(() => client.query('SELECT 1')), deadline]);
    } catch {
      throw new DomainError('service_unavailable', 'The database is not reachable.');
    } finally {
      clearTimeout(timer);
      void client.end().catch(() => undefined);
    }
    return { status: 'ok', database: 'up' };
  }
}
