import { Injectable } from '@nestjs/common';
import type { ScorecardFacts } from '@agency-portal/shared';
import { EMPTY_FACTS, quarterRange, scorecardFactsStale } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { type FactsByAgency, loadScorecardFacts } from './scorecard-sql';

/** Facts for the agencies and quarters asked, and when the oldest of them was computed. */
export interface StoredFacts {
  facts: FactsByAgency;
  asOf: Date | null;
}

interface FactsRow {
  agency_id: string;
  quarter: string;
  facts: ScorecardFacts;
  computed_at: Date;
}

/**
 * The scorecards' facts per agency and quarter, kept in `agency_quarter_facts` (migration
 * AgencyQuarterFacts): aggregating the workflow and the daily metrics takes seconds at volume,
 * reading a snapshot a few milliseconds. A read uses the stored pairs that are fresh enough
 * (`scorecardFactsStale`) and computes the others at once, in one pass over the missing agencies
 * and quarters, storing them for the next reader; the queue (ScorecardJobs) keeps the recent
 * quarters fresh so a reader rarely waits.
 */
@Injectable()
export class ScorecardFactsStore {
  constructor(private readonly dataSource: DataSource) {}

  async facts(agencyIds: string[], quarters: string[], today: string): Promise<StoredFacts> {
    const facts: FactsByAgency = new Map();
    if (agencyIds.length === 0 || quarters.length === 0) return { facts, asOf: null };
    const now = new Date();
    const rows = await this.dataSource.query<FactsRow[]>(
      `SELECT agency_id, quarter, facts, computed_at FROM agency_quarter_facts
        WHERE agency_id = ANY($1::uuid[]) AND quarter = ANY($2::text[])`,
      [agencyIds, quarters],
    );
    let asOf: Date | null = null;
    const fresh = new Set<string>();
    for (const row of rows) {
      if (scorecardFactsStale(row.quarter, row.computed_at, now)) continue;
      put(facts, row.agency_id, row.quarter, row.facts);
      fresh.add(key(row.agency_id, row.quarter));
      if (!asOf || row.computed_at < asOf) asOf = row.computed_at;
    }
    const missing = agencyIds.filter((agencyId) =>
      quarters.some((quarter) => !fresh.has(key(agencyId, quarter))),
    );
    if (missing.length > 0) {
      const toCompute = quarters.filter((quarter) =>
        missing.some((agencyId) => !fresh.has(key(agencyId, quarter))),
      );
      const computed = await this.compute(missing, toCompute, today);
      for (const [agencyId, byQuarter] of computed.facts) {
        for (const [quarter, value] of byQuarter) {
          if (!fresh.has(key(agencyId, quarter))) put(facts, agencyId, quarter, value);
        }
      }
      asOf = asOf && asOf < computed.computedAt ? asOf : computed.computedAt;
    }
    return { facts, asOf };
  }

  /**
   * Computes and stores the facts of `agencyIds` for each of `quarters` (every pair, empty facts
   * where nothing happened, so an empty quarter is not computed again). The time the computation
   * started is the pairs' `computed_at`: a change committed after it is not in them. A newer
   * snapshot stored meanwhile by another reader or the queue is kept.
   */
  async compute(
    agencyIds: string[],
    quarters: string[],
    today: string,
  ): Promise<{ computedAt: Date; facts: FactsByAgency }> {
    const computedAt = new Date();
    const facts: FactsByAgency = new Map();
    if (agencyIds.length === 0 || quarters.length === 0) return { computedAt, facts };
    const sorted = [...quarters].sort();
    const first = sorted[0] ?? '';
    const last = sorted[sorted.length - 1] ?? '';
    const all = await loadScorecardFacts(this.dataSource, {
      agencyIds,
      from: quarterRange(first).start,
      to: quarterRange(last).end,
      today,
    });
    const pairs = agencyIds.flatMap((agencyId) =>
      sorted.map((quarter) => {
        const value = all.get(agencyId)?.get(quarter) ?? EMPTY_FACTS;
        put(facts, agencyId, quarter, value);
        return { agencyId, quarter, facts: value };
      }),
    );
    await this.dataSource.query(
      `INSERT INTO agency_quarter_facts (agency_id, quarter, facts, computed_at)
       SELECT p.agency_id, p.quarter, p.facts, $2
         FROM jsonb_to_recordset($1::jsonb) AS p (agency_id uuid, quarter text, facts jsonb)
         JOIN agencies a ON a.id = p.agency_id
       ON CONFLICT (agency_id, quarter) DO UPDATE
         SET facts = EXCLUDED.facts, computed_at = EXCLUDED.computed_at
         WHERE agency_quarter_facts.computed_at < EXCLUDED.computed_at`,
      [
        JSON.stringify(
          pairs.map((pair) => ({ agency_id: pair.agencyId, quarter: pair.quarter, facts: pair.facts })),
        ),
        computedAt,
      ],
    );
    return { computedAt, facts };
  }
}

function key(agencyId: string, quarter: string): string {
  return `${agencyId}/${quarter}`;
}

function put(facts: FactsByAgency, agencyId: string, quarter: string, value: ScorecardFacts): void {
  const quarters = facts.get(agencyId) ?? new Map<string, ScorecardFacts>();
  quarters.set(quarter, value);
  facts.set(agencyId, quarters);
}
