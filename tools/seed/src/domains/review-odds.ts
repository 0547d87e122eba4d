import type { Channel, Decision } from '@agency-portal/shared';
import type { RateItemPlan, SeedContext } from '../context';
import type { Random } from '../random';
import { POST_SAMPLES, type SampleFile } from '../storage';
import { DAY, HOUR } from '../time';
import type { FileSim } from './review-model';

/*
 * The review simulation's odds and material: how reviewers decide and how long they take, what
 * agencies upload, and where a published post lives.
 */

export const MAX_VERSIONS = 6;

type Odds = readonly (readonly [Decision, number])[];
const FIRST_LOOK: Odds = [
  ['approve', 62],
  ['request_changes', 34],
  ['reject', 4],
];
const SECOND_LOOK: Odds = [
  ['approve', 80],
  ['request_changes', 19],
  ['reject', 1],
];
const LATER_STEP: Odds = [
  ['approve', 86],
  ['request_changes', 13],
  ['reject', 1],
];

/** Approve, request changes or reject, by step and round (a last round is always approved). */
export function outcome(random: Random, step: number, version: number): Decision {
  if (version >= MAX_VERSIONS) return 'approve';
  return random.weighted(step > 0 ? LATER_STEP : version === 1 ? FIRST_LOOK : SECOND_LOOK);
}

type Pace = 'normal' | 'stalled' | 'backlog';
const PACES: readonly (readonly [Pace, number])[] = [
  ['normal', 80],
  ['stalled', 13],
  ['backlog', 7],
];

/**
 * How long a step waits for its decision: mostly within the SLA; some stall for days with a busy
 * reviewer, and a few sit in the queue for weeks (the backlog every large review queue has).
 */
export function decisionWait(random: Random, slaHours: number): number {
  switch (random.weighted(PACES)) {
    case 'normal':
      return random.logNormal(slaHours * 0.45 * HOUR, 0.9);
    case 'stalled':
      return random.logNormal(6 * DAY, 0.7);
    case 'backlog':
      return random.logNormal(45 * DAY, 0.8);
  }
}

export function postUrl(random: Random, channel: Channel | null, id: string): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
  const code = id.replace(/-/g, '').slice(0, 11);
  switch (channel) {
    case 'instagram':
      return `https://www.instagram.com/p/${code}/`;
    case 'tiktok':
      return `https://www.tiktok.com/@brand/video/${digits(19)}`;
    case 'youtube':
      return `https://www.youtube.com/shorts/${code}`;
    case 'x':
      return `https://x.com/brand/status/${digits(19)}`;
    case 'facebook':
      return `https://www.facebook.com/brand/posts/${digits(16)}`;
    case 'linkedin':
      return `https://www.linkedin.com/feed/update/urn:li:activity:${digits(19)}/`;
    default:
      return `https://brand.example/${channel ?? 'social'}/${code}`;
  }
}

/** The files an agency uploads for a version of this kind of work. */
export function filesFor(random: Random, ctx: SeedContext, item: RateItemPlan): FileSim[] {
  const post = () => ctx.storage.sample(random.pick(POST_SAMPLES));
  const samples: SampleFile[] = [];
  if (random.chance(0.01)) return [];
  switch (item.kind) {
    case 'video':
      samples.push(ctx.storage.sample(random.chance(0.8) ? 'reel-mp4' : 'reel-webm'));
      if (random.chance(0.3)) samples.push(post());
      if (random.chance(0.1)) samples.push(ctx.storage.sample('storyboard'));
      break;
    case 'carousel':
      for (let frame = random.int(2, 4); frame > 0; frame--) samples.push(post());
      break;
    case 'image':
      samples.push(post());
      if (random.chance(0.1)) samples.push(post());
      break;
    case 'document':
      // A report is a report; a livestream comes with its run sheet.
      samples.push(ctx.storage.sample(item.code === 'REPORT' ? 'report' : 'storyboard'));
      break;
    case 'service':
      samples.push(ctx.storage.sample('report'));
      break;
  }
  return samples.map((sample) => ({ id: random.uuid(), sample }));
}
