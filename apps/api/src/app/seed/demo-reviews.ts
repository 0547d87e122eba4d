import type { AppliedPolicyDto } from '@agency-portal/shared';
import { approvalStep } from '@agency-portal/shared';
import type { DataSource } from 'typeorm';
import { Brief } from '../briefs/brief.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import { ApprovalPolicy } from '../approval-policies/approval-policy.entity';
import { Comment } from '../reviews/comment.entity';
import { User } from '../users/user.entity';
import { storeDemoFile, seedWithFiles } from './demo-files';
import { demoPdfPages } from './demo-pdf';
import { recordSeedEvent } from './seed-audit';
import { activeContract, brief, decide, review, version } from './demo-review-builders';

const HOUR = 3600 * 1000;

interface Cast {
  lead: User;
  reviewer: User;
  legal: User;
  northwind: User;
  southpeak: User;
}

/**
 * Briefs and reviews for the demo: a CoE approval template (the social lead who owns the contract,
 * then brand, then legal) that the Korea unit inherits; Northwind work in every review state with
 * images, pinned comments, a cut-down and decisions; Southpeak work waiting for the lead past its
 * SLA; a sent, a draft and a declined brief.
 * Runs once, after the goals and contracts.
 */
export async function seedDemoReviews(
  dataSource: DataSource,
  storage: FileStorage,
  now = new Date(),
): Promise<boolean> {
  return seedWithFiles(dataSource, storage, async (manager, written) => {
    if ((await manager.count(Brief)) > 0) return false;
    const user = (email: string) => manager.findOneByOrFail(User, { email });
    const cast: Cast = {
      lead: await user('lead@demo.local'),
      reviewer: await user('reviewer@demo.local'),
      legal: await user('legal@demo.local'),
      northwind: await user('member@northwind.demo.local'),
      southpeak: await user('member@southpeak.demo.local'),
    };
    const coe = await manager.findOneByOrFail(BusinessUnit, { name: 'Global Social Centre of Excellence' });
    const template = await manager.save(
      manager.create(ApprovalPolicy, {
        businessUnitId: coe.id,
        contractId: null,
        name: 'Lead, brand and legal review',
        steps: [
          // The social lead who owns the contract approves the agency's work first.
          approvalStep({
            name: 'Lead review',
            approverRole: null,
            approverUserIds: [],
            contractOwner: true,
            slaHours: 24,
          }),
          approvalStep({
            name: 'Brand review',
            approverRole: 'reviewer',
            approverUserIds: [],
            slaHours: 24,
          }),
          approvalStep({
            name: 'Legal',
            approverRole: null,
            approverUserIds: [cast.legal.id],
            slaHours: 48,
          }),
        ],
      }),
    );
    await recordSeedEvent(manager, 'approval_policy.created', 'approval_policy', template.id, {
      name: template.name,
      businessUnitId: coe.id,
    });
    const policy: AppliedPolicyDto = {
      source: 'coe_template',
      explanation: `Inherited from the centre-of-excellence template of ${coe.name}.`,
      policyId: template.id,
      name: template.name,
      steps: template.steps,
    };

    const nw = await activeContract(manager, 'Northwind Social');
    const sp = await activeContract(manager, 'Southpeak Media');
    const day = (offset: number) => new Date(now.getTime() + offset * 24 * HOUR).toISOString().slice(0, 10);
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

    // Northwind: a running brief with deliverables in every review state.
    const winter = await brief(manager, cast.lead, nw, 'in_progress', {
      title: '겨울 출시 릴스',
      objective: '겨울 라인을 알리고 서울의 18–34세 도달을 늘립니다.',
      audience: '스타일에 민감한 도시 18–34세, 인스타그램과 유튜브 쇼츠 우선.',
      keyMessages: ['잊을 만큼 가볍게', '서울의 겨울에도 충분히 따뜻하게'],
      channels: ['instagram', 'youtube'],
      dueDate: day(21),
      specs: [
        { code: 'REEL', quantity: 2, dueDate: day(14), channel: 'instagram' },
        { code: 'CAROUSEL', quantity: 1, dueDate: day(18), channel: 'instagram' },
      ],
      sentAt: ago(24 * 9),
      answeredAt: ago(24 * 8),
    });
    const [reel1, reel2, carousel] = winter.deliverables;
    if (!reel1 || !reel2 || !carousel) throw new Error('demo deliverables missing');
    // Reel 1: v1 passed the lead and was sent back by brand review with a pinned comment; v2
    // passed the lead 30 hours ago and waits for brand review, past its 24-hour SLA.
    const v1 = await version(
      manager,
      storage,
      written,
      reel1,
      cast.northwind,
      1,
      ago(24 * 6),
      'Winter is lighter this year. #WinterLight',
      [40, 70, 140],
      [170, 200, 240],
    );
    await decide(manager, v1.version, 0, 'Lead review', cast.lead, 'approve', null, ago(24 * 5 + 3));
    await decide(
      manager,
      v1.version,
      1,
      'Brand review',
      cast.reviewer,
      'request_changes',
      'Logo is too small in the first frame; make it at least twice the size.',
      ago(24 * 5),
    );
    await manager.save(
      manager.create(Comment, {
        versionId: v1.version.id,
        parentId: null,
        authorId: cast.reviewer.id,
        body: 'Logo here is too small to read on a phone.',
        pin: { kind: 'point', x: 0.18, y: 0.2, fileId: v1.file.id },
        resolvedAt: ago(24 * 3),
        resolvedBy: cast.northwind.id,
      }),
    );
    const v2 = await version(
      manager,
      storage,
      written,
      reel1,
      cast.northwind,
      2,
      ago(24 * 2),
      'Winter is lighter this year. Meet the new range. #WinterLight',
      [30, 60, 150],
      [200, 220, 250],
    );
    await decide(manager, v2.version, 0, 'Lead review', cast.lead, 'approve', null, ago(30));
    await manager.save(
      manager.create(Comment, {
        versionId: v2.version.id,
        parentId: null,
        authorId: cast.lead.id,
        body: 'Much better. Legal: please check the "lightest ever" claim in the copy.',
        pin: { kind: 'point', x: 0.5, y: 0.62, fileId: v2.file.id },
        resolvedAt: null,
        resolvedBy: null,
      }),
    );
    await review(manager, reel1, v2.version, 'in_review', 1, ago(30), policy);
    // Reel 2: approved at every step.
    const r2 = await version(
      manager,
      storage,
      written,
      reel2,
      cast.northwind,
      1,
      ago(24 * 4),
      'Layers, without the bulk.',
      [120, 40, 60],
      [250, 190, 160],
    );
    await decide(manager, r2.version, 0, 'Lead review', cast.lead, 'approve', null, ago(24 * 3 + 4));
    await decide(manager, r2.version, 1, 'Brand review', cast.reviewer, 'approve', null, ago(24 * 3));
    await decide(manager, r2.version, 2, 'Legal', cast.legal, 'approve', null, ago(24 * 2));
    await review(manager, reel2, r2.version, 'approved', null, null, policy);
    // The carousel awaits its first version; a Kakao cut-down of reel 1 is planned.
    await manager.save(
      manager.create(Deliverable, {
        briefId: winter.brief.id,
        specId: reel1.specId,
        title: '카카오톡용 릴스 축약본',
        channel: 'kakao',
        dueDate: day(20),
        derivedFromId: reel1.id,
        status: 'draft',
        currentVersionId: null,
        currentStep: null,
      }),
    );
    void carousel;

    await brief(manager, cast.lead, nw, 'sent', {
      title: '홀리데이 선물 가이드 캐러셀',
      objective: '겨울 라인에서 선물을 고르도록 돕습니다.',
      audience: '선물 구매자, 25–44세.',
      keyMessages: ['따뜻함을 선물하세요'],
      channels: ['instagram'],
      dueDate: day(30),
      specs: [{ code: 'CAROUSEL', quantity: 2, dueDate: day(28), channel: 'instagram' }],
      sentAt: ago(26),
      answeredAt: null,
    });
    await brief(manager, cast.lead, nw, 'draft', {
      title: '봄 티저 (초안)',
      objective: '봄 라인을 미리 보여 줍니다.',
      audience: '기존 팔로워.',
      keyMessages: [],
      channels: ['instagram'],
      dueDate: day(60),
      specs: [{ code: 'REEL', quantity: 1, dueDate: day(55), channel: 'instagram' }],
      sentAt: null,
      answeredAt: null,
    });

    // Southpeak: a creator video waiting for the lead's review for three days, past its 24-hour SLA.
    const ramadan = await brief(manager, cast.lead, sp, 'in_progress', {
      title: 'Seri kreator Ramadan',
      objective: 'Menumbuhkan komunitas Indonesia dengan seri yang dipandu kreator.',
      audience: 'Pengguna TikTok Indonesia, 18–30 tahun.',
      keyMessages: ['Berbagi meja'],
      channels: ['tiktok'],
      dueDate: day(10),
      specs: [{ code: 'TT-CREATOR', quantity: 1, dueDate: day(7), channel: 'tiktok' }],
      sentAt: ago(24 * 10),
      answeredAt: ago(24 * 9),
    });
    const creator = ramadan.deliverables[0];
    if (!creator) throw new Error('demo deliverable missing');
    const c1 = await version(
      manager,
      storage,
      written,
      creator,
      cast.southpeak,
      1,
      ago(72),
      'Berbagi meja, berbagi cerita.',
      [20, 110, 90],
      [240, 220, 150],
    );
    // The creator sent the storyboard with the cut: brand review, reading ahead, has a note on its
    // second page.
    const storyboard = await storeDemoFile(manager, storage, written, {
      key: `deliverables/${creator.id}/demo-v1-storyboard.pdf`,
      fileName: 'storyboard.pdf',
      contentType: 'application/pdf',
      uploadedBy: cast.southpeak.id,
      deliverableId: creator.id,
      versionId: c1.version.id,
      bytes: demoPdfPages([
        [
          'Seri kreator Ramadan: storyboard',
          '',
          'Scene 1 (0-5 s): the table is set at dusk.',
          'Scene 2 (5-12 s): friends arrive, greetings.',
        ],
        [
          'Scene 3 (12-20 s): the dish is shared around the table.',
          'Scene 4 (20-30 s): end card with the logo and #BerbagiMeja.',
        ],
      ]),
    });
    await manager.save(
      manager.create(Comment, {
        versionId: c1.version.id,
        parentId: null,
        authorId: cast.reviewer.id,
        body: 'Scene 4: keep the end card on screen for at least 3 seconds.',
        pin: { kind: 'point', x: 0.3, y: 0.06, page: 2, fileId: storyboard.id },
        resolvedAt: null,
        resolvedBy: null,
      }),
    );
    await review(manager, creator, c1.version, 'in_review', 0, ago(72), policy);
    await brief(manager, cast.lead, sp, 'declined', {
      title: 'Siaran langsung Lebaran',
      objective: 'Siaran langsung dua jam bersama tiga kreator.',
      audience: 'Pengguna TikTok Indonesia.',
      keyMessages: [],
      channels: ['tiktok'],
      dueDate: day(5),
      specs: [{ code: 'TT-CREATOR', quantity: 3, dueDate: day(4), channel: 'tiktok' }],
      sentAt: ago(24 * 4),
      answeredAt: ago(24 * 3),
      declineReason:
        'Waktu persiapan tidak cukup untuk memesan tiga kreator; kami siap memberi penawaran untuk bulan depan.',
    });
    return true;
  });
}
