import type { Channel } from '../goals/goal.types';
import type { ImportField, ImportTarget } from './imports';
import { METRIC_COUNTS } from './metrics';
import type { DateFormat } from './values';

/**
 * Saved mappings for the column names of the platforms' own exports (and our template), as data:
 * the web app shows them in the mapping step, the API applies the same ones. Column names are
 * matched ignoring case, surrounding space and a byte-order mark. A column a preset neither maps
 * nor ignores is unknown, and the mapping step must say what it is before the file is imported.
 * Where an export has its figures in several columns (likes, comments, shares), they are added.
 * See docs/outcomes.md for where each one comes from and how to export it.
 */
export interface MappingPreset {
  id: string;
  /** English name (the web app translates it by id). */
  label: string;
  /** Every row's channel; null: from a `channel` column or the deliverable's own. */
  channel: Channel | null;
  targets: readonly ImportTarget[];
  /** Column name as exported → field. */
  columns: Readonly<Record<string, ImportField>>;
  /** Columns the export has that carry nothing we store. */
  ignore: readonly string[];
  /** How the export writes dates (ISO is always understood). */
  dateFormats: readonly DateFormat[];
  /**
   * 'column': the export has one row per post and day. 'file': one row per post with totals for
   * the exported range: export one day at a time and give the day in the mapping step.
   */
  dates: 'column' | 'file';
  /** The header's line when the export puts a title above it (1 = first line). */
  headerRow?: number;
  /** Lines starting with it are notes, not data (GA4 writes its report settings so). */
  commentPrefix?: string;
  /** Rows that are the export's own totals, not a post: skipped. */
  skipRows?: readonly { column: string; equals: string }[];
  /**
   * Rows with the same deliverable, day and channel are added together (reports split by further
   * dimensions, such as media source); otherwise a repeated row is refused as a duplicate.
   */
  sumDuplicates?: boolean;
  /** The revenue column's currency is not in the file: the mapping step must name it. */
  needsCurrency?: boolean;
}

/** Our own template: one row per deliverable, day and channel (docs/outcomes.md). */
export const TEMPLATE_COLUMNS = [
  'deliverable',
  'date',
  'channel',
  ...METRIC_COUNTS,
  'revenue',
  'currency',
] as const;

/** Our template for a goal's own outcomes: one row per day. */
export const GOAL_TEMPLATE_COLUMNS = ['date', ...METRIC_COUNTS, 'followers', 'revenue', 'currency'] as const;

export const MAPPING_PRESETS: readonly MappingPreset[] = [
  {
    id: 'template',
    label: 'Agency Portal template',
    channel: null,
    targets: ['deliverables'],
    columns: Object.fromEntries(TEMPLATE_COLUMNS.map((column) => [column, column])),
    ignore: [],
    dateFormats: ['iso'],
    dates: 'column',
  },
  {
    id: 'goal_template',
    label: 'Agency Portal template for goal outcomes',
    channel: null,
    targets: ['goal'],
    columns: Object.fromEntries(GOAL_TEMPLATE_COLUMNS.map((column) => [column, column])),
    ignore: [],
    dateFormats: ['iso'],
    dates: 'column',
  },
  {
    id: 'meta_instagram',
    label: 'Meta Business Suite: Instagram posts and reels',
    channel: 'instagram',
    targets: ['deliverables'],
    columns: {
      Permalink: 'deliverable',
      Date: 'date',
      Views: 'impressions',
      Reach: 'reach',
      Likes: 'engagements',
      Comments: 'engagements',
      Shares: 'engagements',
      Saves: 'engagements',
    },
    ignore: [
      'Post ID',
      'Account ID',
      'Account username',
      'Account name',
      'Description',
      'Duration (sec)',
      'Publish time',
      'Post type',
      'Data comment',
      'Follows',
      'Profile visits',
      'Replies',
      'Navigation',
    ],
    dateFormats: ['us'],
    dates: 'column',
  },
  {
    id: 'meta_facebook',
    label: 'Meta Business Suite: Facebook posts',
    channel: 'facebook',
    targets: ['deliverables'],
    columns: {
      Permalink: 'deliverable',
      Date: 'date',
      Views: 'impressions',
      Reach: 'reach',
      Reactions: 'engagements',
      Comments: 'engagements',
      Shares: 'engagements',
      'Total clicks': 'clicks',
      '3-second video views': 'video_views',
    },
    ignore: [
      'Post ID',
      'Page ID',
      'Page name',
      'Title',
      'Description',
      'Duration (sec)',
      'Publish time',
      'Caption type',
      'Is crosspost',
      'Is share',
      'Post type',
      'Languages',
      'Custom labels',
      'Funded content status',
      'Data comment',
      'Reactions, Comments and Shares',
      'Link clicks',
      'Other clicks',
      'Matched audience targeting consumption (Photo click)',
      'Seconds viewed',
      'Average seconds viewed',
      '1-minute video views',
      'Estimated earnings (USD)',
      'Ad impressions',
      'Ad CPM (USD)',
    ],
    dateFormats: ['us'],
    dates: 'column',
  },
  {
    id: 'tiktok_studio',
    label: 'TikTok Studio: content (per video)',
    channel: 'tiktok',
    targets: ['deliverables'],
    columns: {
      'Video link': 'deliverable',
      'Total views': 'video_views',
      Reach: 'reach',
      'Total likes': 'engagements',
      'Total comments': 'engagements',
      'Total shares': 'engagements',
    },
    ignore: [
      'Video title',
      'Post time',
      'Video publish time',
      'Total play time',
      'Average watch time',
      'Watched full video',
      'Add to favorites',
      'New followers',
    ],
    dateFormats: ['iso'],
    dates: 'file',
  },
  {
    id: 'youtube_studio',
    label: 'YouTube Studio: advanced mode, chart data by day',
    channel: 'youtube',
    targets: ['deliverables'],
    columns: {
      Date: 'date',
      Content: 'deliverable',
      Views: 'video_views',
      Impressions: 'impressions',
      'Unique viewers': 'reach',
      Likes: 'engagements',
      'Comments added': 'engagements',
      Shares: 'engagements',
    },
    ignore: [
      'Video title',
      'Video publish time',
      'Duration',
      'Watch time (hours)',
      'Average view duration',
      'Average percentage viewed (%)',
      'Impressions click-through rate (%)',
      'Subscribers',
      'Subscribers gained',
      'Subscribers lost',
      'Dislikes',
    ],
    dateFormats: ['month_name'],
    dates: 'column',
    skipRows: [{ column: 'Content', equals: 'Total' }],
  },
  {
    id: 'linkedin_page',
    label: 'LinkedIn Page analytics: posts (All posts sheet)',
    channel: 'linkedin',
    targets: ['deliverables'],
    columns: {
      'Post link': 'deliverable',
      Impressions: 'impressions',
      'Views (excluding off-site video views)': 'video_views',
      Clicks: 'clicks',
      Likes: 'engagements',
      Comments: 'engagements',
      Reposts: 'engagements',
    },
    ignore: [
      'Post title',
      'Post type',
      'Campaign name',
      'Posted by',
      'Created date',
      'Campaign start date',
      'Campaign end date',
      'Audience',
      'Off-site views',
      'Click through rate (CTR)',
      'Follows',
      'Engagement rate',
      'Content Type',
    ],
    dateFormats: ['us'],
    dates: 'file',
    headerRow: 2,
  },
  {
    id: 'x_analytics',
    label: 'X analytics: post activity',
    channel: 'x',
    targets: ['deliverables'],
    columns: {
      'Tweet permalink': 'deliverable',
      impressions: 'impressions',
      engagements: 'engagements',
      'url clicks': 'clicks',
      'media views': 'video_views',
    },
    ignore: [
      'Tweet id',
      'Tweet text',
      'time',
      'engagement rate',
      'retweets',
      'replies',
      'likes',
      'user profile clicks',
      'hashtag clicks',
      'detail expands',
      'permalink clicks',
      'app opens',
      'app installs',
      'follows',
      'email tweet',
      'dial phone',
      'media engagements',
      'promoted impressions',
      'promoted engagements',
      'promoted engagement rate',
      'promoted retweets',
      'promoted replies',
      'promoted likes',
      'promoted user profile clicks',
      'promoted url clicks',
      'promoted hashtag clicks',
      'promoted detail expands',
      'promoted permalink clicks',
      'promoted app opens',
      'promoted app installs',
      'promoted follows',
      'promoted email tweet',
      'promoted dial phone',
      'promoted media views',
      'promoted media engagements',
    ],
    dateFormats: ['iso'],
    dates: 'file',
  },
  {
    id: 'email_klaviyo',
    label: 'E-mail: Klaviyo campaign export',
    channel: 'email',
    targets: ['deliverables'],
    columns: {
      'Campaign ID': 'deliverable',
      'Send Time': 'date',
      'Successful Deliveries': 'impressions',
      'Unique Opens': 'reach',
      'Unique Clicks': 'clicks',
      'Unique Placed Order': 'conversions',
      Revenue: 'revenue',
    },
    ignore: [
      'Campaign Name',
      'Tags',
      'Subject',
      'List',
      'Send Weekday',
      'Total Recipients',
      'Placed Order Rate',
      'Open Rate',
      'Total Opens',
      'Click Rate',
      'Total Clicks',
      'Unsubscribes',
      'Spam Complaints',
      'Spam Complaints Rate',
      'Bounces',
      'Bounce Rate',
      'Campaign Channel',
    ],
    dateFormats: ['iso'],
    dates: 'column',
    needsCurrency: true,
  },
  {
    id: 'web_ga4',
    label: 'Web: Google Analytics 4 exploration by day and utm_content',
    channel: 'web',
    targets: ['deliverables', 'goal'],
    columns: {
      Date: 'date',
      'Session manual ad content': 'deliverable',
      Views: 'impressions',
      'Total users': 'reach',
      'Engaged sessions': 'engagements',
      Sessions: 'clicks',
      'Key events': 'conversions',
      'Total revenue': 'revenue',
    },
    ignore: [
      'Session source / medium',
      'Session campaign',
      'Session manual campaign name',
      'Session default channel group',
      'Active users',
      'New users',
      'Engagement rate',
      'Average engagement time per session',
      'Event count',
      'Bounce rate',
    ],
    dateFormats: ['compact'],
    dates: 'column',
    commentPrefix: '#',
    skipRows: [{ column: 'Date', equals: 'Grand total' }],
    sumDuplicates: true,
    needsCurrency: true,
  },
  {
    id: 'app_appsflyer',
    label: 'App: AppsFlyer partners report by date (campaign = deliverable)',
    channel: 'app',
    targets: ['deliverables'],
    columns: {
      Date: 'date',
      'Campaign (c)': 'deliverable',
      Impressions: 'impressions',
      Clicks: 'clicks',
      Installs: 'conversions',
      'Total Revenue': 'revenue',
    },
    ignore: [
      'Agency/PMD (af_prt)',
      'Media Source (pid)',
      'CTR',
      'Conversion Rate',
      'Sessions',
      'Loyal Users',
      'Loyal Users/Installs',
      'Total Cost',
      'ROI',
      'ARPU',
      'Average eCPI',
    ],
    dateFormats: ['iso'],
    dates: 'column',
    sumDuplicates: true,
    needsCurrency: true,
  },
];

export function presetById(id: string | null | undefined): MappingPreset | undefined {
  return id ? MAPPING_PRESETS.find((preset) => preset.id === id) : undefined;
}
