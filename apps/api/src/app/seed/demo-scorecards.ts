import { quarterOf, quarterRange, shiftQuarter } from '@agency-portal/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Brief } from '../briefs/brief.entity';
import type { Contract } from '../contracts/contract.entity';
import type { Deliverable } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import { User } from '../users/user.entity';
import { activeContract, brief, decide, review, version } from './demo-review-builders';
import { appliedPolicy, type Cast, DAY, demoCast, deciderOf, demoInvoice } from './demo-spend-builders';
import { seedWithFiles } from './demo-files';

/**
 * Three past quarters of finished work for both demo agencies, so their scorecards differ and
 * have a trend: Northwind (KRW) often delivers late and needs revision rounds, improving quarter by
 * quarter; Southpeak (IDR) delivers on time, mostly first time. Each quarter is one completed
 * brief of four deliverables, every deliverable approved at each step of the review template and
 * billed on one paid invoice. Only history: nothing current changes. Runs once, after the spend.
 */

interface DeliverableStory {
  /** Change requests before the approved version. */
  rounds: number;
  late: boolean;
}

interface AgencyStory {
  agency: string;
  agencyEmail: string;
  code: string;
  channel: 'instagram' | 'tiktok';
  title: (quarter: string) => string;
  objective: string;
  changeRequest: string;
  invoicePrefix: string;
  /** Days from the brief's sending to the first version. */
  firstVersionDays: number;
  /** Hours our review takes per version. */
  reviewHours: number;
  /** The oldest quarter's invoice bills its first deliverable at this price (above the rate card). */
  overpricedFirstLine?: number;
  /** Per past quarter, oldest first: the four deliverables' stories. */
  quarters: DeliverableStory[][];
}

const STORIES: AgencyStory[] = [
  {
    agency: 'Northwind Social',
    agencyEmail: 'member@northwind.demo.local',
    code: 'REEL',
    channel: 'instagram',
    title: (quarter) => `${quarter} 상시 릴스`,
    objective: '분기 상시 콘텐츠로 인스타그램 도달을 유지합니다.',
    changeRequest: '브랜드 톤에 맞게 자막과 첫 장면을 다시 다듬어 주세요.',
    invoicePrefix: 'NW-H',
    firstVersionDays: 12,
    reviewHours: 30,
    overpricedFirstLine: 1_800_000,
    quarters: [
      [
        { rounds: 2, late: true },
        { rounds: 1, late: true },
        { rounds: 2, late: false },
        { rounds: 0, late: true },
      ],
      [
        { rounds: 1, late: true },
        { rounds: 2, late: false },
        { rounds: 1, late: true },
        { rounds: 0, late: false },
      ],
      [
        { rounds: 1, late: false },
        { rounds: 0, late: true },
        { rounds: 2, late: false },
        { rounds: 1, late: false },
      ],
    ],
  },
  {
    agency: 'Southpeak Media',
    agencyEmail: 'member@southpeak.demo.local',
    code: 'TT-CREATOR',
    channel: 'tiktok',
    title: (quarter) => `Konten kreator rutin ${quarter}`,
    objective: 'Konten kreator TikTok rutin setiap kuartal.',
    changeRequest: 'Mohon perjelas ajakan bertindak di detik terakhir.',
    invoicePrefix: 'SPM/H',
    firstVersionDays: 6,
    reviewHours: 14,
    quarters: [
      [
        { rounds: 0, late: false },
        { rounds: 1, late: false },
        { rounds: 0, late: false },
        { rounds: 0, late: true },
      ],
      [
        { rounds: 0, late: false },
        { rounds: 0, late: false },
        { rounds: 1, late: false },
        { rounds: 0, late: false },
      ],
      [
        { rounds: 0, late: false },
        { rounds: 0, late: false },
        { rounds: 0, late: false },
        { rounds: 1, late: false },
      ],
    ],
  },
];

const HOUR = 3600 * 1000;

export async function seedDemoScorecards(
  dataSource: DataSource,
  storage: FileStorage,
  thresholds: Readonly<Record<string, number>>,
  now = new Date(),
): Promise<boolean> {
  const current = quarterOf(now);
  const pastQuarters = [3, 2, 1].map((back) => shiftQuarter(current, -back));
  return seedWithFiles(dataSource, storage, async (manager, written) => {
    const marker = STORIES[0]?.title(pastQuarters[0] ?? '') ?? '';
    if ((await manager.count(Brief, { where: { title: marker } })) > 0) return false;
    const user = (email: string) => manager.findOneByOrFail(User, { email });
    const cast = await demoCast(manager);
    for (const story of STORIES) {
      const contract = await activeContract(manager, story.agency);
      const agencyUser = await user(story.agencyEmail);
      for (const [index, quarter] of pastQuarters.entries()) {
        await seedQuarter(manager, storage, written, {
          cast,
          contract,
          agencyUser,
          story,
          quarter,
          deliverables: story.quarters[index] ?? [],
          thresholds,
          now,
          overpricedFirstLine: index === 0 ? story.overpricedFirstLine : undefined,
        });
      }
    }
    return true;
  });
}

async function seedQuarter(
  manager: EntityManager,
  storage: FileStorage,
  written: string[],
  input: {
    cast: Cast;
    contract: Contract;
    agencyUser: User;
    story: AgencyStory;
    quarter: string;
    deliverables: DeliverableStory[];
    thresholds: Readonly<Record<string, number>>;
    now: Date;
    /** A first line billed above the rate card (the budget variance shows it). */
    overpricedFirstLine?: number;
  },
): Promise<void> {
  const { cast, contract, agencyUser, story, quarter } = input;
  const policy = await appliedPolicy(manager);
  const start = Date.parse(`${quarterRange(quarter).start}T00:00:00Z`);
  const at = (days: number) => new Date(start + days * DAY);
  const isoDay = (days: number) => at(days).toISOString().slice(0, 10);
  const dueDays = input.deliverables.map((_, index) => 30 + index * 16);
  const sent = at(3);
  const made = await brief(manager, cast.lead, contract, 'in_progress', {
    title: story.title(quarter),
    objective: story.objective,
    audience: '',
    keyMessages: [story.objective],
    channels: [story.channel],
    dueDate: isoDay(80),
    specs: [
      {
        code: story.code,
        quantity: input.deliverables.length,
        dueDate: isoDay(dueDays[0] ?? 30),
        channel: story.channel,
      },
    ],
    sentAt: sent,
    answeredAt: new Date(sent.getTime() + 6 * HOUR),
  });
  for (const [index, deliverable] of made.deliverables.entries()) {
    const plan = input.deliverables[index] ?? { rounds: 0, late: false };
    const due = dueDays[index] ?? 30;
    await manager.update('deliverables', { id: deliverable.id }, { dueDate: isoDay(due) });
    await storyOf(manager, storage, written, {
      cast,
      policy,
      deliverable,
      agencyUser,
      story,
      plan,
      first: new Date(sent.getTime() + (story.firstVersionDays + index) * DAY),
      // The approved version: two days early, or four days late (by the end of the due date is on time).
      final: at(plan.late ? due + 4 : due - 2),
    });
  }
  await manager.update(Brief, { id: made.brief.id }, { status: 'completed' });
  const issued = at(88);
  await demoInvoice(manager, storage, written, {
    contract,
    agencyUser,
    work: made.deliverables,
    seed: {
      number: `${story.invoicePrefix}-${quarter}`,
      issuedDaysAgo: Math.round((input.now.getTime() - issued.getTime()) / DAY),
      dueInDays: Math.round((input.now.getTime() - issued.getTime()) / DAY) * -1 + 30,
      status: 'paid',
      lines: made.deliverables.map((_, index) => ({
        code: story.code,
        deliverable: index,
        unitPriceMinor: index === 0 ? input.overpricedFirstLine : undefined,
      })),
      approvers: [cast.finance],
      payment: {
        daysAgo: Math.max(0, Math.round((input.now.getTime() - issued.getTime()) / DAY) - 20),
        reference: `${story.invoicePrefix}-PAY-${quarter}`,
      },
    },
    thresholds: input.thresholds,
    now: input.now,
  });
}

/** One deliverable's versions: change requests on the first step, then the approved version at every step. */
async function storyOf(
  manager: EntityManager,
  storage: FileStorage,
  written: string[],
  input: {
    cast: Cast;
    policy: Awaited<ReturnType<typeof appliedPolicy>>;
    deliverable: Deliverable;
    agencyUser: User;
    story: AgencyStory;
    plan: DeliverableStory;
    first: Date;
    final: Date;
  },
): Promise<void> {
  const { cast, policy, deliverable, story, plan } = input;
  const count = plan.rounds + 1;
  const span = Math.max(0, input.final.getTime() - input.first.getTime());
  let last = null;
  for (let number = 1; number <= count; number++) {
    // A single version comes at the first attempt when on time, at the (late) final date otherwise.
    const single = plan.late ? input.final : input.first;
    const submitted =
      count === 1 ? single : new Date(input.first.getTime() + ((number - 1) * span) / (count - 1));
    const { version: made } = await version(
      manager,
      storage,
      written,
      deliverable,
      input.agencyUser,
      number,
      submitted,
      story.objective,
      [60 + number * 30, 110, 160],
      [210, 150 - number * 20, 110],
    );
    const decidedAt = (fraction: number) =>
      new Date(submitted.getTime() + story.reviewHours * fraction * HOUR);
    if (number < count) {
      const rule = policy.steps[0];
      if (rule) {
        await decide(
          manager,
          made,
          0,
          rule.name,
          deciderOf(rule, cast),
          'request_changes',
          story.changeRequest,
          decidedAt(1),
        );
      }
    } else {
      for (const [step, rule] of policy.steps.entries()) {
        await decide(
          manager,
          made,
          step,
          rule.name,
          deciderOf(rule, cast),
          'approve',
          null,
          decidedAt((step + 1) / policy.steps.length),
        );
      }
    }
    last = made;
  }
  if (last) await review(manager, deliverable, last, 'approved', null, null, policy);
}
