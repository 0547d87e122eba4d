import { TableBuffer } from '../copy';
import {
  pickActive,
  staffOf,
  type ContractPlan,
  type DeliverableRecord,
  type Domain,
  type SeedContext,
  type UserPlan,
} from '../context';
import type { Random } from '../random';
import { TABLES } from '../tables';
import { addMonths, DAY, dayStart, officeTime } from '../time';
import { USD_RATE } from './goals';
import { type ContractSpend, InvoiceWriter, type MonthPlan, monthStart } from './invoice-writer';
import { price, roundCap } from './rate-cards';

/** An hourly item for contracts whose rate card has none: agencies bill account time by the hour. */
const ACCOUNT_HOURS = { code: 'ACCOUNT-HRS', description: 'Account management and reporting', usd: 95 };
/** Hours of account time a contract bills in a month (its retainer); spread over timesheet lines. */
const HOURS_PER_MONTH: [number, number] = [40, 160];
/** Contracts whose invoices are generated before they are written (memory stays bounded). */
const BATCH_CONTRACTS = 25;

const plans = new WeakMap<SeedContext, Map<ContractPlan, ContractSpend>>();

/**
 * Invoices over the contracts' history, as agencies submit them: one a month per active contract,
 * billing the deliverables approved that month (each once among live invoices) and the month's
 * account time as timesheet lines (an hourly rate card item; contracts without one get it), at
 * the rate card's prices with a few deviations. Finance decided them as the services do: one or,
 * above the threshold, two distinct approvers, a few rejections (the agency then sends a
 * corrected invoice with a new number) and withdrawals, payment after the terms. Also the tax
 * rates (contracts domain), finance's monthly exchange rates to USD, and the budget alerts of the
 * thresholds each contract's invoices reached. Totals follow the shared invoice arithmetic.
 */
export const spend: Domain = {
  name: 'spend',

  plan(ctx) {
    const random = ctx.random.fork('spend-plan');
    const spendPlans = new Map<ContractPlan, ContractSpend>();
    for (const contract of ctx.contracts) {
      if (contract.activatedAt === null) continue;
      let hourly = contract.rateCard.find((item) => item.unit === 'hour');
      if (!hourly) {
        hourly = {
          id: random.uuid(),
          position: contract.rateCard.length,
          code: ACCOUNT_HOURS.code,
          description: ACCOUNT_HOURS.description,
          unit: 'hour',
          priceMinor: price(random, ACCOUNT_HOURS.usd, contract.currency),
          kind: 'service',
        };
        contract.rateCard.push(hourly);
      }
      const until = Math.min(contract.activeUntil, ctx.now);
      const months: MonthPlan[] = [];
      for (
        let start = monthStart(contract.activatedAt);
        dayStart(start) < until;
        start = addMonths(start, 1)
      ) {
        months.push({ start, hours: Math.round(random.between(...HOURS_PER_MONTH)) });
      }
      spendPlans.set(contract, { hourly, months });
      // The retainer is part of the budget: the cap grows by the hours it will bill.
      const hours = months.reduce((sum, month) => sum + month.hours, 0);
      contract.capMinor = roundCap(
        contract.capMinor + hours * hourly.priceMinor * random.between(1.0, 1.25),
        contract.currency,
      );
    }
    plans.set(ctx, spendPlans);
  },

  async write(ctx, loader) {
    const spendPlans = plans.get(ctx);
    if (!spendPlans) throw new Error('spend.plan() did not run');
    const random = ctx.random.fork('spend');
    const finance = staffOf(ctx, 'finance');
    const byContract = new Map<ContractPlan, DeliverableRecord[]>();
    let deliverableLines = 0;
    for (const deliverable of ctx.deliverables) {
      if (deliverable.approvedAt === null) continue;
      const list = byContract.get(deliverable.contract) ?? [];
      list.push(deliverable);
      byContract.set(deliverable.contract, list);
      deliverableLines++;
    }
    const monthCount = [...spendPlans.values()].reduce((sum, plan) => sum + plan.months.length, 0);
    // Timesheet lines per month so the whole comes to the volume asked for (issue 13: a million at scale 1).
    const timeLinesPerMonth = Math.max(
      4,
      Math.round((ctx.volumes.invoiceLines - deliverableLines) / Math.max(1, monthCount)),
    );

    const writer = new InvoiceWriter(ctx, random, finance);
    let batch = 0;
    for (const [contract, plan] of spendPlans) {
      writer.contract(contract, plan, byContract.get(contract) ?? [], timeLinesPerMonth);
      if (++batch % BATCH_CONTRACTS === 0) await writer.flush(loader);
    }
    await writer.flush(loader);
    await writer.finish(loader);
    const rates = new TableBuffer(TABLES.exchangeRates);
    writeRates(ctx, random, finance, rates);
    await loader.write(rates);
    const facts = Object.entries(writer.facts())
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    ctx.log(`  spend: ${facts} (${timeLinesPerMonth} timesheet lines a month)`);
  },
};

/** Finance's rates to USD for every month of the history, drifting around the generator's base rates. */
function writeRates(
  ctx: SeedContext,
  random: Random,
  finance: UserPlan[],
  rates: TableBuffer<typeof TABLES.exchangeRates.columns>,
): void {
  const drift: Record<string, number> = { KRW: 1, IDR: 1 };
  for (let month = monthStart(ctx.since); dayStart(month) <= ctx.now; month = addMonths(month, 1)) {
    // Kept by finance at the start of each month (or on the day the history ends).
    const at = Math.min(officeTime(dayStart(month) + DAY, random.next()), ctx.now);
    const by = pickActive(random, finance, at) ?? finance[0];
    if (!by) return;
    for (const currency of ['KRW', 'IDR'] as const) {
      drift[currency] = (drift[currency] ?? 1) * random.between(0.98, 1.02);
      const rate = 1 / ((USD_RATE[currency] ?? 1) * (drift[currency] ?? 1));
      rates.push({
        id: random.uuid(),
        month,
        currency,
        reporting_currency: 'USD',
        rate: rate.toFixed(12).replace(/0+$/, ''),
        updated_by: by.id,
        created_at: at,
        updated_at: at,
      });
    }
  }
}
