import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SCORECARD_FACTS_MAX_AGE_MINUTES, quarterOf, shiftQuarter } from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { todayIso } from '../common/http/validators';
import { QueueService } from '../jobs/queue.service';
import { ScorecardFactsStore } from './scorecard-facts.store';

export const SCORECARD_REFRESH_JOB = 'scorecards.refresh';

/** How often the queue refreshes the recent quarters' stored facts. */
const REFRESH_EVERY_MINUTES = 5;

/**
 * Keeps the scorecards' stored facts (ScorecardFactsStore) fresh so readers rarely compute them:
 * every five minutes, the open and the previous quarter of every agency someone has read (pairs
 * older than four minutes), and the older quarters read before whose facts are nearly a day old.
 * A pair nobody has read is left to its first reader.
 */
@Injectable()
export class ScorecardJobs implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly dataSource: DataSource,
    private readonly store: ScorecardFactsStore,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ScorecardJobs.name);
  }

  onModuleInit(): void {
    this.queue.register({
      name: SCORECARD_REFRESH_JOB,
      schedule: `*/${REFRESH_EVERY_MINUTES} * * * *`,
      singleton: true,
      handle: async () => {
        const refreshed = await this.refresh();
        if (refreshed > 0) this.logger.info({ refreshed }, 'Scorecard facts refreshed');
      },
    });
  }

  /** Refreshes what is due; the number of agency-quarter pairs recomputed. */
  async refresh(): Promise<number> {
    const today = todayIso();
    const recentFrom = shiftQuarter(quarterOf(today), -1);
    const due = await this.dataSource.query<{ quarter: string; agency_ids: string[] }[]>(
      `SELECT quarter, array_agg(agency_id ORDER BY agency_id) AS agency_ids
         FROM agency_quarter_facts
        WHERE (quarter >= $1 AND computed_at < now() - make_interval(mins => $2))
           OR (quarter < $1 AND computed_at < now() - make_interval(mins => $3))
        GROUP BY quarter ORDER BY quarter DESC`,
      [
        recentFrom,
        REFRESH_EVERY_MINUTES - 1,
        SCORECARD_FACTS_MAX_AGE_MINUTES.older - 2 * REFRESH_EVERY_MINUTES,
      ],
    );
    let refreshed = 0;
    for (const { quarter, agency_ids: agencyIds } of due) {
      await this.store.compute(agencyIds, [quarter], today);
      refreshed += agencyIds.length;
    }
    return refreshed;
  }
}
