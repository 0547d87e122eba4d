import type { Channel, OperatingModel, Role } from '@agency-portal/shared';
import type { Currency, UserPlan } from '../context';
import type { Market } from '../text';

export interface UnitSpec {
  key: string;
  name: string;
  model: OperatingModel;
  parent: string | null;
  market: Market;
  currency: Currency;
  channels: Channel[];
}

/** A CoE with decentralised markets and a regional CoE of its own under it, plus two centralised teams. */
export const UNITS: UnitSpec[] = [
  {
    key: 'coe',
    name: 'Global Social Centre of Excellence',
    model: 'coe',
    parent: null,
    market: 'GL',
    currency: 'USD',
    channels: ['instagram', 'tiktok', 'youtube', 'facebook', 'x'],
  },
  {
    key: 'korea',
    name: 'Korea Consumer Marketing',
    model: 'decentralised',
    parent: 'coe',
    market: 'KR',
    currency: 'KRW',
    channels: ['instagram', 'youtube', 'kakao', 'web'],
  },
  {
    key: 'korea-premium',
    name: 'Korea Premium Brands',
    model: 'decentralised',
    parent: 'coe',
    market: 'KR',
    currency: 'KRW',
    channels: ['instagram', 'youtube', 'threads'],
  },
  {
    key: 'us',
    name: 'US Direct-to-Consumer',
    model: 'decentralised',
    parent: 'coe',
    market: 'US',
    currency: 'USD',
    channels: ['instagram', 'tiktok', 'facebook', 'pinterest', 'email'],
  },
  {
    key: 'sea',
    name: 'Southeast Asia Social Hub',
    model: 'coe',
    parent: 'coe',
    market: 'GL',
    currency: 'USD',
    channels: ['instagram', 'tiktok', 'facebook'],
  },
  {
    key: 'indonesia',
    name: 'Indonesia Consumer Marketing',
    model: 'decentralised',
    parent: 'sea',
    market: 'ID',
    currency: 'IDR',
    channels: ['instagram', 'tiktok', 'youtube', 'facebook'],
  },
  {
    key: 'indonesia-retail',
    name: 'Indonesia Retail Partnerships',
    model: 'decentralised',
    parent: 'sea',
    market: 'ID',
    currency: 'IDR',
    channels: ['instagram', 'tiktok', 'app'],
  },
  {
    key: 'corporate',
    name: 'Corporate Communications',
    model: 'centralised',
    parent: null,
    market: 'GL',
    currency: 'USD',
    channels: ['linkedin', 'x', 'web', 'email'],
  },
  {
    key: 'employer',
    name: 'Employer Brand',
    model: 'centralised',
    parent: null,
    market: 'US',
    currency: 'USD',
    channels: ['linkedin', 'instagram', 'web'],
  },
];

/** Which units an agency from a market works for. */
export const UNITS_BY_MARKET: Record<Market, string[]> = {
  KR: ['korea', 'korea', 'korea-premium', 'coe'],
  ID: ['indonesia', 'indonesia', 'indonesia-retail', 'sea'],
  US: ['us', 'us', 'employer', 'coe'],
  GL: ['coe', 'corporate', 'sea', 'employer'],
};

export interface StaffSpec {
  email?: string;
  role: Role;
  unit: string | null;
  market: Market;
  weight?: number;
}

/** Known accounts first; the rest of the in-house team is generated around them. */
export const KNOWN_STAFF: StaffSpec[] = [
  { email: 'admin@large.local', role: 'admin', unit: 'coe', market: 'GL' },
  { email: 'lead@large.local', role: 'social_lead', unit: 'coe', market: 'GL', weight: 6 },
  { email: 'reviewer@large.local', role: 'reviewer', unit: 'coe', market: 'GL', weight: 5 },
  { email: 'legal@large.local', role: 'reviewer', unit: 'coe', market: 'GL', weight: 3 },
  { email: 'legal2@large.local', role: 'reviewer', unit: 'coe', market: 'US', weight: 2 },
  { email: 'korea-lead-reviewer@large.local', role: 'reviewer', unit: 'korea-premium', market: 'KR' },
  { email: 'sea-compliance@large.local', role: 'reviewer', unit: 'sea', market: 'ID' },
  { email: 'sea-compliance2@large.local', role: 'reviewer', unit: 'sea', market: 'ID' },
  { email: 'hr-reviewer@large.local', role: 'reviewer', unit: 'employer', market: 'US' },
  { email: 'finance@large.local', role: 'finance', unit: null, market: 'GL' },
  { email: 'viewer@large.local', role: 'viewer', unit: 'korea', market: 'KR' },
];

/** How many more of each in-house role, at scale 1. */
export const MORE_STAFF: [Role, number][] = [
  ['admin', 2],
  ['social_lead', 13],
  ['reviewer', 14],
  ['finance', 5],
  ['viewer', 19],
];

export const MARKET_WEIGHTS: [Market, number][] = [
  ['KR', 35],
  ['ID', 30],
  ['US', 20],
  ['GL', 15],
];

export const LOCALE: Record<Market, UserPlan['locale']> = { KR: 'ko', ID: 'id', US: 'en', GL: 'en' };
