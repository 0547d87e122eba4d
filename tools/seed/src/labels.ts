import type { Channel, KpiMetric } from '@agency-portal/shared';

/**
 * English names for the generated records' titles (the web app translates its own labels; the
 * large organisation's data is written in English, like most of the demo).
 */
export const KPI_METRIC_NAMES: Record<KpiMetric, string> = {
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
  kakao: 'Kakao',
  line: 'LINE',
  email: 'E-mail',
  web: 'Web',
  app: 'App',
};
