import type { ScorecardAgency, ScorecardFacts, ScorecardQuarter, ScorecardRow } from '@agency-portal/shared';
import { isQuarterOpen, quarterRange, scorecardFigures } from '@agency-portal/shared';

/** An agency as the scorecards name it, from its row. */
export interface AgencyRecord {
  id: string;
  name: string;
  status: 'active' | 'offboarded';
}

export function toScorecardAgency(agency: AgencyRecord): ScorecardAgency {
  return { agencyId: agency.id, agencyName: agency.name, status: agency.status };
}

export function toScorecardRow(agency: AgencyRecord, quarter: string, facts: ScorecardFacts): ScorecardRow {
  return { ...toScorecardAgency(agency), quarter, figures: scorecardFigures(facts) };
}

export function toScorecardQuarter(quarter: string, facts: ScorecardFacts, today: string): ScorecardQuarter {
  const range = quarterRange(quarter);
  return {
    quarter,
    start: range.start,
    end: range.end,
    open: isQuarterOpen(quarter, today),
    figures: scorecardFigures(facts),
  };
}
