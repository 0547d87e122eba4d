import type { Channel, KpiMetric } from '@agency-portal/shared';

/*
 * English names for generated titles. The web app's labels are translated in its own catalog;
 * generated data is written in one language, like a real organisation's English-speaking units.
 */

export const KPI_NAMES: Record<KpiMetric, string> = {
  impressions: 'Impressions',
  reach: 'Reach',
  engagements: 'Engagements',
  clicks: 'Clicks',
  video_views: 'Video views',
  conversions: 'Conversions',
  revenue: 'Revenue',
  followers: 'Followers',
};

export const CHANNEL_NAMES: Record<Channel, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
  linkedin: 'LinkedIn',
  pinterest: 'Pinterest',
  threads: 'Threads',
  kakao: 'KakaoTalk',
  line: 'LINE',
  email: 'E-mail',
  web: 'Web',
  app: 'App',
};
