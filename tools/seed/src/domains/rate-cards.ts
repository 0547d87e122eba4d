import { type AgencyService, minorDigits, type RateUnit } from '@agency-portal/shared';
import type { AgencyPlan, Currency, RateItemPlan, WorkKind } from '../context';
import type { Random } from '../random';
import { USD_RATE } from './goals';

interface CatalogueItem {
  code: string;
  description: string;
  unit: RateUnit;
  usd: number;
  kind: WorkKind;
  services: AgencyService[];
}

const CATALOGUE: CatalogueItem[] = [
  {
    code: 'REEL',
    description: 'Short-form video (Reel / Short), up to 30 s',
    unit: 'deliverable',
    usd: 1100,
    kind: 'video',
    services: ['full_service', 'creative', 'execution'],
  },
  {
    code: 'TT-CREATOR',
    description: 'TikTok creator video',
    unit: 'deliverable',
    usd: 950,
    kind: 'video',
    services: ['full_service', 'influencer'],
  },
  {
    code: 'UGC-VIDEO',
    description: 'Creator UGC video with 12-month usage rights',
    unit: 'deliverable',
    usd: 1200,
    kind: 'video',
    services: ['influencer', 'creative'],
  },
  {
    code: 'HERO-FILM',
    description: 'Hero film, up to 60 s',
    unit: 'deliverable',
    usd: 6500,
    kind: 'video',
    services: ['full_service', 'creative'],
  },
  {
    code: 'CAROUSEL',
    description: 'Carousel post, up to 10 frames',
    unit: 'deliverable',
    usd: 650,
    kind: 'carousel',
    services: ['full_service', 'creative', 'execution'],
  },
  {
    code: 'STATIC',
    description: 'Static feed post',
    unit: 'deliverable',
    usd: 300,
    kind: 'image',
    services: ['full_service', 'creative', 'execution', 'paid_media'],
  },
  {
    code: 'STORY',
    description: 'Story set (3 frames)',
    unit: 'deliverable',
    usd: 420,
    kind: 'image',
    services: ['full_service', 'creative', 'execution'],
  },
  {
    code: 'BANNER',
    description: 'Web and app banner set',
    unit: 'deliverable',
    usd: 380,
    kind: 'image',
    services: ['creative', 'paid_media'],
  },
  {
    code: 'INFLUENCER-POST',
    description: 'Influencer feed post',
    unit: 'deliverable',
    usd: 1500,
    kind: 'image',
    services: ['influencer'],
  },
  {
    code: 'REPORT',
    description: 'Monthly performance report',
    unit: 'deliverable',
    usd: 500,
    kind: 'document',
    services: ['full_service', 'paid_media', 'execution'],
  },
  {
    code: 'LIVESTREAM',
    description: 'Livestream with run sheet',
    unit: 'deliverable',
    usd: 3000,
    kind: 'document',
    services: ['influencer', 'full_service'],
  },
  {
    code: 'COMMUNITY',
    description: 'Community management',
    unit: 'month',
    usd: 4500,
    kind: 'service',
    services: ['full_service', 'execution'],
  },
  {
    code: 'MEDIA-MGMT',
    description: 'Paid media management',
    unit: 'month',
    usd: 3200,
    kind: 'service',
    services: ['paid_media'],
  },
  {
    code: 'STRATEGY',
    description: 'Strategy and reporting',
    unit: 'hour',
    usd: 120,
    kind: 'service',
    services: ['full_service', 'creative', 'paid_media'],
  },
];

/** The tax on the contracts' invoices: Korean VAT 10 %, Indonesian PPN 11 %, none on US work. */
export const TAX_RATE_BP: Record<Currency, number> = { KRW: 1000, IDR: 1100, USD: 0 };

/** Whole units a price or cap is rounded to, per currency (KRW has no minor unit, USD and IDR two). */
const PRICE_STEP: Record<Currency, number> = { KRW: 10_000, USD: 10, IDR: 100_000 };
const CAP_STEP: Record<Currency, number> = { KRW: 1_000_000, USD: 1000, IDR: 10_000_000 };

/** Converts whole units to minor units with the currency's own minor digits. */
export function minor(major: number, currency: Currency): number {
  return major * 10 ** minorDigits(currency);
}

/** A rate card price near `usd` in the currency, rounded to its price step. */
export function price(random: Random, usd: number, currency: Currency): number {
  const step = PRICE_STEP[currency];
  const major = Math.max(
    step,
    Math.round((usd * (USD_RATE[currency] ?? 1) * random.between(0.85, 1.15)) / step) * step,
  );
  return minor(major, currency);
}

/** The smallest round amount at or above `minorAmount`. */
export function roundCap(minorAmount: number, currency: Currency): number {
  const step = minor(CAP_STEP[currency], currency);
  return Math.max(step, Math.ceil(minorAmount / step) * step);
}

/** A contract's rate card from what its agency offers, priced in the contract's currency. */
export function rateCard(random: Random, agency: AgencyPlan, currency: Currency): RateItemPlan[] {
  const offered = CATALOGUE.filter((item) =>
    item.services.some((service) => agency.services.includes(service)),
  );
  const content = offered.filter((item) => item.unit === 'deliverable');
  const pool = content.length >= 2 ? content : CATALOGUE.filter((item) => item.unit === 'deliverable');
  const chosen = random.sample(pool, random.int(2, Math.min(5, pool.length)));
  const services = offered.filter((item) => item.unit !== 'deliverable');
  if (services.length > 0 && random.chance(0.6)) chosen.push(random.pick(services));
  return chosen.map((item, position) => ({
    id: random.uuid(),
    position,
    code: item.code,
    description: item.description,
    unit: item.unit,
    priceMinor: price(random, item.usd, currency),
    kind: item.kind,
  }));
}
