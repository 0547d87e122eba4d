import type { Channel, FunnelStage, GoalStatus, KpiMetric, PaceStatus } from '@agency-portal/shared';
import { msg, type Message } from '../i18n/message';

/** How the API names the goal reports' enums in files and e-mails (the web app has its own labels). */
export const KPI_METRIC_LABELS: Record<KpiMetric, Message> = {
  impressions: msg('Impressions'),
  reach: msg('Reach'),
  engagements: msg('Engagements'),
  clicks: msg('Clicks'),
  video_views: msg('Video views'),
  conversions: msg('Conversions'),
  revenue: msg('Revenue'),
  followers: msg('Followers'),
};

export const PACE_LABELS: Record<PaceStatus, Message> = {
  not_started: msg('Not started'),
  on_track: msg('On track'),
  behind: msg('Behind'),
  achieved: msg('Achieved'),
  missed: msg('Missed'),
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, Message> = {
  draft: msg('Draft'),
  active: msg('Active'),
  achieved: msg('Achieved'),
  missed: msg('Missed'),
  archived: msg('Archived'),
};

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, Message> = {
  awareness: msg('Awareness'),
  consideration: msg('Consideration'),
  conversion: msg('Conversion'),
  retention: msg('Retention'),
};

export const CHANNEL_LABELS: Record<Channel, Message> = {
  instagram: msg('Instagram'),
  facebook: msg('Facebook'),
  tiktok: msg('TikTok'),
  youtube: msg('YouTube'),
  x: msg('X'),
  linkedin: msg('LinkedIn'),
  pinterest: msg('Pinterest'),
  threads: msg('Threads'),
  kakao: msg('Kakao'),
  line: msg('LINE'),
  email: msg('E-mail'),
  web: msg('Web'),
  app: msg('App'),
};
