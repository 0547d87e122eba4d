import { SUPPORTED_LOCALES, type Locale } from '@agency-portal/shared';
import type { DomainEventPayloads, DomainEventType } from '../events/domain-events';
import type { Message } from '../i18n/message';
import { CATALOGS } from '../i18n/translator';
import type { Reader } from './notice-format';
import { composeNotice, renderEmail, renderNotice } from './notice-rendering';
import { NOTICES } from './notices';

/** One event of every type: a new type does not compile until it has one here. */
const SAMPLES: { [K in DomainEventType]: DomainEventPayloads[K] } = {
  'brief.sent': {
    briefId: 'b1',
    briefTitle: '봄 캠페인 런칭',
    contractReference: 'NW-2026-01',
    dueDate: '2026-03-14',
    senderName: 'Mina Park',
    budgetEstimateMinor: 180_000_000,
    currency: 'KRW',
  },
  'brief.accepted': { briefId: 'b1', briefTitle: 'Spring launch', agencyUserName: 'Jiwoo Kim' },
  'brief.declined': {
    briefId: 'b1',
    briefTitle: 'Spring launch',
    agencyUserName: 'Jiwoo Kim',
    reason: 'No capacity.',
  },
  'deliverable.version_submitted': {
    deliverableId: 'd1',
    deliverableTitle: 'Hero video',
    versionNumber: 2,
    submitterName: 'Jiwoo Kim',
    firstStepName: 'Brand',
    firstStepSlaHours: 48,
  },
  'deliverable.step_ready': {
    deliverableId: 'd1',
    deliverableTitle: 'Hero video',
    versionNumber: 2,
    previousStepName: 'Brand',
    deciderName: 'Mina Park',
    stepName: 'Legal',
    slaHours: 1,
  },
  'deliverable.decided': {
    deliverableId: 'd1',
    deliverableTitle: 'Hero video',
    decision: 'approve',
    stepName: 'Brand',
    deciderName: 'Mina Park',
    comment: 'Nice cut.',
    outcome: 'in_review',
  },
  'deliverable.review_overdue': {
    deliverableId: 'd1',
    deliverableTitle: 'Hero video',
    stepName: 'Legal',
    slaHours: 1,
    dueAt: '2026-03-14T06:00:00.000Z',
  },
  'contract.terms_changed': {
    contractId: 'c1',
    reference: 'SP-2026-03',
    title: 'Kontrak media sosial',
    budgetChanged: true,
    rateCardChanged: false,
    budgetCapMinor: 250_000_000_000,
    currency: 'IDR',
  },
  'contract.activated': {
    contractId: 'c1',
    reference: 'SP-2026-03',
    title: 'Always-on',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  },
  'contract.terminated': {
    contractId: 'c1',
    reference: 'SP-2026-03',
    title: 'Always-on',
    reason: 'Budget cut.',
  },
  'contract.expired': {
    contractId: 'c1',
    reference: 'SP-2026-03',
    title: 'Always-on',
    endDate: '2026-12-31',
  },
  'contract.renewal_due': {
    contractId: 'c1',
    reference: 'SP-2026-03',
    title: 'Always-on',
    endDate: '2026-12-31',
    renewalNoticeDays: 30,
  },
  'invoice.submitted': {
    invoiceId: 'i1',
    number: 'NW-INV-0042',
    contractReference: 'NW-2026-01',
    agencyName: 'Northwind Creative',
    currency: 'KRW',
    grossMinor: 55_000_000,
    submitterName: 'Jiwoo Kim',
    dueDate: '2026-04-30',
    approvalsRequired: 2,
  },
  'invoice.approval_recorded': {
    invoiceId: 'i1',
    number: 'NW-INV-0042',
    contractReference: 'NW-2026-01',
    agencyName: 'Northwind Creative',
    currency: 'KRW',
    grossMinor: 55_000_000,
    approverName: 'Fiona Finance',
    approvalCount: 1,
    approvalsRequired: 2,
  },
  'invoice.decided': {
    invoiceId: 'i1',
    number: 'NW-INV-0042',
    contractReference: 'NW-2026-01',
    agencyName: 'Northwind Creative',
    currency: 'KRW',
    grossMinor: 55_000_000,
    decision: 'paid',
    deciderName: 'Fiona Finance',
    reason: null,
    paymentDate: '2026-05-02',
    paymentReference: 'TRX-881',
  },
  'invoice.withdrawn': {
    invoiceId: 'i1',
    number: 'NW-INV-0042',
    contractReference: 'NW-2026-01',
    agencyName: 'Northwind Creative',
    currency: 'KRW',
    grossMinor: 55_000_000,
    withdrawnByName: 'Jiwoo Kim',
  },
  'budget.threshold_crossed': {
    contractId: 'c1',
    reference: 'SP-2026-03',
    title: 'Always-on',
    thresholdPercent: 80,
    invoicedMinor: 200_000_000_000,
    capMinor: 250_000_000_000,
    currency: 'IDR',
  },
  'user.invited': {
    userId: 'u1',
    inviterName: 'Ava Admin',
    setPasswordUrl: 'https://portal.example/set-password?token=t',
    expiresAt: '2026-03-14T06:00:00.000Z',
  },
};

const SEOUL: Reader = { locale: 'ko', timeZone: 'Asia/Seoul' };
const JAKARTA: Reader = { locale: 'id', timeZone: 'Asia/Jakarta' };
const NEW_YORK: Reader = { locale: 'en', timeZone: 'America/New_York' };

function noticeOf<K extends DomainEventType>(
  type: K,
  reader: Reader,
  payload: Partial<DomainEventPayloads[K]> = {},
) {
  const text = composeNotice(type, { ...SAMPLES[type], ...payload }, reader);
  if (!text) throw new Error(`No notice for ${type}`);
  return renderNotice(text, reader);
}

function messagesOf(type: DomainEventType, reader: Reader): Message[] {
  const text = composeNotice(type, SAMPLES[type], reader);
  return text ? [text.title, ...text.body, ...(text.email?.paragraphs ?? [])] : [];
}

describe('notices', () => {
  it.each(['ko', 'id'] as const)(
    'should word every notice and e-mail from the %s catalog when an event of each type is told',
    (locale: Locale) => {
      const untranslated = (Object.keys(NOTICES) as DomainEventType[]).flatMap((type) =>
        messagesOf(type, { locale, timeZone: null })
          .filter((message) => !CATALOGS[locale][message.key])
          .map((message) => `${type}: ${message.key}`),
      );
      expect(untranslated).toEqual([]);
    },
  );

  it('should word a new brief in each language with its due date and budget in the reader’s formats', () => {
    expect(noticeOf('brief.sent', NEW_YORK)).toEqual({
      title: 'New brief: 봄 캠페인 런칭',
      body: 'Mina Park sent a brief under NW-2026-01, due Mar 14, 2026. Estimated budget: KRW\u00a0180,000,000.',
      link: '/briefs/b1',
    });
    expect(noticeOf('brief.sent', SEOUL)).toMatchObject({
      title: '새 브리프: 봄 캠페인 런칭',
      body: 'Mina Park님이 NW-2026-01 계약으로 브리프를 보냈습니다. 마감일은 2026. 3. 14.입니다. 예상 예산은 KRW\u00a0180,000,000입니다.',
    });
    expect(
      noticeOf('brief.sent', JAKARTA, { budgetEstimateMinor: 250_000_000_000, currency: 'IDR' }),
    ).toMatchObject({
      title: 'Brief baru: 봄 캠페인 런칭',
      body: 'Mina Park mengirim brief berdasarkan kontrak NW-2026-01, dengan tenggat 14 Mar 2026. Perkiraan anggaran: IDR\u00a02.500.000.000,00.',
    });
  });

  it('should show a due instant in the reader’s own time zone when they have one', () => {
    // 06:00 UTC is 15:00 in Seoul (ICU versions differ on "PM" or "오후").
    expect(noticeOf('deliverable.review_overdue', SEOUL).body).toMatch(/2026년 3월 14일 (PM|오후) 3:00/);
    expect(noticeOf('deliverable.review_overdue', JAKARTA).body).toContain('14 Mar 2026, 13.00');
    expect(noticeOf('deliverable.review_overdue', NEW_YORK).body).toBe(
      'The decision at "Legal" was due Mar 14, 2026, 2:00 AM (1 hour after submission) and is still waiting.',
    );
  });

  it('should name the zone, UTC, when the reader has none on their profile', () => {
    expect(noticeOf('deliverable.review_overdue', { locale: 'en', timeZone: null }).body).toContain(
      'Mar 14, 2026, 6:00 AM UTC',
    );
  });

  it('should count hours and days with the language’s plural rules', () => {
    expect(noticeOf('deliverable.version_submitted', NEW_YORK, { firstStepSlaHours: 1 }).body).toContain(
      'within 1 hour.',
    );
    expect(noticeOf('deliverable.version_submitted', NEW_YORK).body).toContain('within 48 hours.');
    expect(noticeOf('deliverable.version_submitted', SEOUL).body).toBe(
      'Jiwoo Kim님이 새 버전(버전 2)을 제출했습니다. 첫 번째 단계 "Brand"의 결정 기한은 48시간입니다.',
    );
    expect(noticeOf('contract.renewal_due', JAKARTA, { renewalNoticeDays: 1 }).body).toContain(
      'dalam 1 hari',
    );
  });

  it('should tell the next step’s approvers the version is theirs to decide when a step approves', () => {
    expect(noticeOf('deliverable.step_ready', NEW_YORK)).toMatchObject({
      title: 'Version 2 of "Hero video" is ready for review at "Legal"',
      body: 'Mina Park approved it at "Brand". "Legal" is to be decided within 1 hour.',
    });
    expect(noticeOf('deliverable.step_ready', SEOUL, { slaHours: 24 }).title).toContain('"Legal"');
  });

  it('should word statuses and decisions in the language and keep entered names as entered', () => {
    expect(noticeOf('deliverable.decided', SEOUL)).toMatchObject({
      title: '"Hero video" "Brand" 단계 통과',
      body: 'Mina Park님이 "Brand" 단계에서 승인했습니다. 의견: Nice cut.',
    });
    expect(
      noticeOf('deliverable.decided', JAKARTA, { decision: 'reject', outcome: 'rejected' }),
    ).toMatchObject({
      title: '"Hero video" ditolak',
      body: 'Mina Park menolaknya pada tahap "Brand". Komentar: Nice cut.',
    });
    expect(
      noticeOf('deliverable.decided', NEW_YORK, {
        decision: 'request_changes',
        outcome: 'changes_requested',
        comment: null,
      }),
    ).toMatchObject({
      title: '"Hero video" was sent back with change requests',
      body: 'Mina Park requested changes at "Brand".',
    });
  });

  it('should give a new budget cap in Indonesian marks when the reader is Indonesian', () => {
    expect(noticeOf('contract.terms_changed', JAKARTA)).toMatchObject({
      title: 'SP-2026-03: anggaran berubah',
      body: 'Anggaran kontrak "Kontrak media sosial" telah berubah. Buka kontrak untuk melihat ketentuan barunya. Batas anggaran sekarang IDR\u00a02.500.000.000,00.',
    });
  });

  it('should word an event stored before a payload gained a field when it lacks it', () => {
    const { dueAt: _dueAt, ...older } = SAMPLES['deliverable.review_overdue'];
    const text = composeNotice('deliverable.review_overdue', older, SEOUL);

    expect(text && renderNotice(text, SEOUL).body).toBe(
      '"Legal" 단계가 1시간 넘게 결정을 기다리고 있습니다.',
    );
  });

  it.each(SUPPORTED_LOCALES)('should write the e-mail in %s with a greeting and the link', (locale) => {
    const reader: Reader = { locale, timeZone: 'Asia/Seoul' };
    const text = composeNotice('brief.accepted', SAMPLES['brief.accepted'], reader);
    if (!text) throw new Error('no notice');

    const email = renderEmail(text, { ...reader, name: 'Putri' }, 'https://portal.example');

    expect(email.subject).toBe(renderNotice(text, reader).title);
    expect(email.text).toContain(renderNotice(text, reader).body);
    expect(email.text.endsWith('\nhttps://portal.example/briefs/b1')).toBe(true);
    expect(email.text.split('\n')[0]).toBe(
      { en: 'Hello Putri,', ko: 'Putri님, 안녕하세요.', id: 'Halo Putri,' }[locale],
    );
  });

  it('should put the set-password link and its expiry in the reader’s zone when inviting', () => {
    const text = composeNotice('user.invited', SAMPLES['user.invited'], SEOUL);
    if (!text) throw new Error('no notice');

    const email = renderEmail(text, { ...SEOUL, name: '지우' }, 'https://portal.example');

    expect(email.subject).toBe('Agency Portal에 초대되었습니다');
    expect(email.text.split('\n')).toEqual([
      '지우님, 안녕하세요.',
      '',
      'Ava Admin님이 Agency Portal에 초대했습니다.',
      '',
      expect.stringMatching(
        /^아래 링크에서 비밀번호를 설정하십시오\. 링크는 2026년 3월 14일 (PM|오후) 3:00까지 한 번만 사용할 수 있습니다\.$/,
      ),
      'https://portal.example/set-password?token=t',
    ]);
  });
});
