import type { Channel } from '@agency-portal/shared';
import type { DataSource } from 'typeorm';
import { Deliverable } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import { writeMetrics, type StoredMetric } from '../outcomes/metric-store';
import { MetricImport } from '../outcomes/outcome.entities';
import { User } from '../users/user.entity';
import { activeContract, brief, decide, version } from './demo-review-builders';
import { recordSeedEvent } from './seed-audit';
import { seedWithFiles } from './demo-files';

const DAY = 24 * 60 * 60 * 1000;

interface PublishedSeed {
  agency: string;
  uploader: string;
  title: string;
  code: string;
  channel: Channel;
  quantity: number;
  /** Days ago each deliverable went out, and its first day's impressions. */
  posts: { daysAgo: number; impressions: number; url: string }[];
}

const SEEDS: PublishedSeed[] = [
  {
    agency: 'Northwind Social',
    uploader: 'member@northwind.demo.local',
    title: '가을 컬렉션 릴스 (게시됨)',
    code: 'REEL',
    channel: 'instagram',
    quantity: 2,
    posts: [
      { daysAgo: 75, impressions: 42_000, url: 'https://www.instagram.com/reel/CdemoAutumn1/' },
      { daysAgo: 40, impressions: 31_000, url: 'https://www.instagram.com/reel/CdemoAutumn2/' },
    ],
  },
  {
    agency: 'Southpeak Media',
    uploader: 'member@southpeak.demo.local',
    title: 'Seri kreator musim hujan (dipublikasikan)',
    code: 'TT-CREATOR',
    channel: 'tiktok',
    quantity: 1,
    posts: [
      {
        daysAgo: 60,
        impressions: 18_000,
        url: 'https://www.tiktok.com/@southpeak/video/7300000000000000001',
      },
    ],
  },
];

/**
 * Published demo deliverables for both agencies, with daily metrics from their publication day to
 * yesterday: impressions that fall off after launch as real posts do, with reach, engagements,
 * clicks, video views and conversions in proportion. Runs once, after the reviews seed.
 */
export async function seedDemoOutcomes(
  dataSource: DataSource,
  storage: FileStorage,
  now = new Date(),
): Promise<boolean> {
  return seedWithFiles(dataSource, storage, async (manager, written) => {
    if ((await manager.count(MetricImport)) > 0) return false;
    const user = (email: string) => manager.findOneByOrFail(User, { email });
    const lead = await user('lead@demo.local');
    const reviewer = await user('reviewer@demo.local');
    const legal = await user('legal@demo.local');
    const batch = await manager.save(
      manager.create(MetricImport, {
        source: 'api',
        target: 'deliverables',
        status: 'imported',
        createdBy: lead.id,
        fileId: null,
        startedAt: now,
        finishedAt: now,
      }),
    );
    const rows: StoredMetric[] = [];
    for (const seed of SEEDS) {
      const contract = await activeContract(manager, seed.agency);
      const uploader = await user(seed.uploader);
      const firstPost = Math.max(...seed.posts.map((post) => post.daysAgo));
      const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
      const created = await brief(manager, lead, contract, 'in_progress', {
        title: seed.title,
        objective: seed.title,
        audience:
          seed.agency === 'Northwind Social' ? '서울의 18–34세' : 'Pengguna TikTok Indonesia, 18–30 tahun.',
        keyMessages: [seed.title],
        channels: [seed.channel],
        dueDate: at(firstPost - 5)
          .toISOString()
          .slice(0, 10),
        specs: [
          {
            code: seed.code,
            quantity: seed.quantity,
            dueDate: at(firstPost).toISOString().slice(0, 10),
            channel: seed.channel,
          },
        ],
        sentAt: at(firstPost + 20),
        answeredAt: at(firstPost + 19),
      });
      for (const [index, deliverable] of created.deliverables.entries()) {
        const post = seed.posts[index];
        if (!post) continue;
        const v1 = await version(
          manager,
          storage,
          written,
          deliverable,
          uploader,
          1,
          at(post.daysAgo + 6),
          seed.title,
          [200, 120, 60],
          [250, 200, 120],
        );
        await decide(manager, v1.version, 0, 'Brand review', reviewer, 'approve', null, at(post.daysAgo + 4));
        await decide(manager, v1.version, 1, 'Legal', legal, 'approve', null, at(post.daysAgo + 3));
        await manager.update(
          Deliverable,
          { id: deliverable.id },
          {
            status: 'published',
            currentVersionId: v1.version.id,
            postUrl: post.url,
            publishedAt: at(post.daysAgo),
          },
        );
        rows.push(...dailyFigures(deliverable.id, seed.channel, post, now));
        await recordSeedEvent(manager, 'deliverable.published', 'deliverable', deliverable.id, {
          postUrl: post.url,
        });
      }
    }
    const counts = await writeMetrics(manager, batch.id, rows);
    await manager.update(
      MetricImport,
      { id: batch.id },
      { ...counts, rowsTotal: rows.length, rowsChecked: rows.length, rowsImported: rows.length },
    );
    await recordSeedEvent(manager, 'metrics.upserted', 'metric_import', batch.id, { rows: rows.length });
    return true;
  });
}

/** A post's days: launch-day reach decaying by a tenth a day to a long tail, never below 2 %. */
function dailyFigures(
  deliverableId: string,
  channel: Channel,
  post: { daysAgo: number; impressions: number },
  now: Date,
): StoredMetric[] {
  const rows: StoredMetric[] = [];
  for (let offset = 0; offset < post.daysAgo; offset++) {
    const decay = Math.max(0.02, 0.9 ** offset);
    // A steady weekly swing (weekends higher), so the chart is not a smooth line.
    const weekly = 1 + 0.15 * Math.sin((offset * 2 * Math.PI) / 7);
    const impressions = Math.round(post.impressions * decay * weekly);
    const date = new Date(now.getTime() - (post.daysAgo - offset) * DAY).toISOString().slice(0, 10);
    rows.push({
      deliverableId,
      date,
      channel,
      counts: {
        impressions,
        reach: Math.round(impressions * 0.72),
        engagements: Math.round(impressions * 0.045),
        clicks: Math.round(impressions * 0.012),
        video_views: Math.round(impressions * 0.6),
        conversions: Math.round(impressions * 0.0015),
      },
      revenueMinor: null,
      currency: null,
    });
  }
  return rows;
}
