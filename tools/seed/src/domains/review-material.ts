import type { Channel, CommentPin } from '@agency-portal/shared';
import type { RateItemPlan, SeedContext } from '../context';
import type { Random } from '../random';
import { POST_SAMPLES, type SampleFile } from '../storage';
import type { FileSim } from './review-model';

/** What agencies make and post: uploaded files by deliverable kind, comment pins, post addresses. */

/** The files an agency uploads for one version of a deliverable of this kind. */
export function filesFor(ctx: SeedContext, random: Random, item: RateItemPlan): FileSim[] {
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
    case 'service':
      samples.push(ctx.storage.sample(random.chance(0.7) ? 'report' : 'storyboard'));
      break;
  }
  return samples.map((sample) => ({ id: random.uuid(), sample }));
}

/** Where on a file a comment is pinned: a timecode on a video, a point on a page or an image. */
export function pinOn(random: Random, file: FileSim): CommentPin {
  const x = Math.round(random.between(0.05, 0.95) * 1000) / 1000;
  const y = Math.round(random.between(0.05, 0.95) * 1000) / 1000;
  if (file.sample.contentType.startsWith('video/')) {
    return {
      kind: 'timecode',
      seconds: Math.round(random.between(0, file.sample.seconds ?? 1) * 10) / 10,
      fileId: file.id,
    };
  }
  if (file.sample.contentType === 'application/pdf') {
    return { kind: 'point', x, y, page: random.int(1, file.sample.pages ?? 1), fileId: file.id };
  }
  return { kind: 'point', x, y, fileId: file.id };
}

/** The address of a published post, in the form its network uses. */
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
