import type {
  BriefDetailDto,
  ContractDetailDto,
  NotificationDto,
  NotificationListDto,
  OutboxMessageDto,
  Page,
} from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

/**
 * Who hears of a change hears it in their own language, time zone and number formats: in the
 * bell (worded when read, so a change of language applies to old notices) and by e-mail.
 */
describe('notices and e-mails in the reader’s language', () => {
  let t: TestApp;
  let lead: SignedIn;
  let jiwoo: SignedIn;
  let nate: SignedIn;
  let admin: SignedIn;
  let contract: ContractDetailDto;

  async function noticesOf(who: SignedIn, query: Record<string, string> = {}): Promise<NotificationDto[]> {
    await t.deliverEvents();
    const response = await t.http().get('/api/notifications').query(query).set(bearer(who.accessToken));
    expect(response.status).toBe(200);
    return (response.body as NotificationListDto).items;
  }

  async function mailTo(email: string, link: string): Promise<OutboxMessageDto> {
    await t.deliverEvents();
    const response = await t
      .http()
      .get('/api/mail-outbox')
      .query({ q: email, limit: 100 })
      .set(bearer(admin.accessToken));
    expect(response.status).toBe(200);
    const mail = (response.body as Page<OutboxMessageDto>).items.find(
      (message) => message.to === email && message.body.includes(link),
    );
    if (!mail) throw new Error(`no e-mail to ${email} about ${link}`);
    return mail;
  }

  async function sendBrief(title: string): Promise<BriefDetailDto> {
    const created = await t
      .http()
      .post('/api/briefs')
      .set(bearer(lead.accessToken))
      .send({
        contractId: contract.id,
        goalIds: [contract.allocations[0]?.goalId],
        title,
        objective: '봄 신제품 출시를 알립니다',
        audience: '부산의 18–34세',
        keyMessages: ['신선함'],
        channels: ['instagram'],
        funnelStage: 'awareness',
        dueDate: '2031-03-31',
        specs: [
          {
            rateCardItemId: contract.rateCard[0]?.id,
            quantity: 2,
            dueDate: '2031-03-20',
            channel: 'instagram',
          },
        ],
      });
    expect(created.status).toBe(201);
    const brief = created.body as BriefDetailDto;
    const sent = await t.http().post(`/api/briefs/${brief.id}/send`).set(bearer(lead.accessToken));
    expect(sent.status).toBe(200);
    return brief;
  }

  beforeAll(async () => {
    t = await createTestApp();
    [lead, jiwoo, nate, admin] = await Promise.all([
      t.login(DEMO.lead),
      t.login(DEMO.northwindKoreanMember),
      t.login(DEMO.northwindMember),
      t.login(DEMO.admin),
    ]);
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Northwind Social' AND c.status = 'active' AND c.currency = 'KRW' LIMIT 1`,
    );
    const response = await t.http().get(`/api/contracts/${rows[0]?.id}`).set(bearer(lead.accessToken));
    expect(response.status).toBe(200);
    contract = response.body as ContractDetailDto;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should tell a Korean agency member of a sent brief in Korean, and an English one in English', async () => {
    const brief = await sendBrief('봄 캠페인 런칭');
    const link = `/briefs/${brief.id}`;
    // Two reels at the rate card's first price, in KRW: no decimals.
    const estimate = `KRW\u00a0${new Intl.NumberFormat('en').format(2 * (contract.rateCard[0]?.unitPriceMinor ?? 0))}`;

    const korean = (await noticesOf(jiwoo)).find((notice) => notice.link === link);
    const english = (await noticesOf(nate)).find((notice) => notice.link === link);

    expect(korean).toMatchObject({
      kind: 'brief_sent',
      title: '새 브리프: 봄 캠페인 런칭',
      body: `Lee Social Lead님이 ${contract.reference} 계약으로 브리프를 보냈습니다. 마감일은 2031. 3. 31.입니다. 예상 예산은 ${estimate}입니다.`,
    });
    expect(english).toMatchObject({
      title: 'New brief: 봄 캠페인 런칭',
      body: `Lee Social Lead sent a brief under ${contract.reference}, due Mar 31, 2031. Estimated budget: ${estimate}.`,
    });

    const koreanMail = await mailTo(DEMO.northwindKoreanMember, link);
    expect(koreanMail.subject).toBe('새 브리프: 봄 캠페인 런칭');
    expect(koreanMail.body.split('\n')).toEqual([
      '김지우님, 안녕하세요.',
      '',
      korean?.body,
      '',
      'Agency Portal에서 확인하십시오.',
      `${t.config.publicUrl}${link}`,
    ]);
    const englishMail = await mailTo(DEMO.northwindMember, link);
    expect(englishMail.subject).toBe('New brief: 봄 캠페인 런칭');
    expect(englishMail.body.startsWith('Hello Nate Northwind,\n\n')).toBe(true);
  });

  it('should word old notices in the new language when the reader changes theirs', async () => {
    const brief = await sendBrief('Indonesian later');
    const link = `/briefs/${brief.id}`;
    expect((await noticesOf(jiwoo)).find((notice) => notice.link === link)?.title).toBe(
      '새 브리프: Indonesian later',
    );

    const changed = await t
      .http()
      .patch('/api/profile')
      .set(bearer(jiwoo.accessToken))
      .send({ locale: 'id' });
    expect(changed.status).toBe(200);
    const after = (await noticesOf(jiwoo)).find((notice) => notice.link === link);

    expect(after?.title).toBe('Brief baru: Indonesian later');
    expect(after?.body).toContain('dengan tenggat 31 Mar 2031');
    const restored = await t
      .http()
      .patch('/api/profile')
      .set(bearer(jiwoo.accessToken))
      .send({ locale: 'ko' });
    expect(restored.status).toBe(200);
  });

  it('should give a new budget cap in each reader’s formats when the contract’s terms change', async () => {
    const raised = await t
      .http()
      .patch(`/api/contracts/${contract.id}`)
      .set(bearer(lead.accessToken))
      .send({ budgetCapMinor: 500_000_000 });
    expect(raised.status).toBe(200);
    const link = `/contracts/${contract.id}`;

    const korean = (await noticesOf(jiwoo)).find((notice) => notice.link === link);
    const english = (await noticesOf(nate)).find((notice) => notice.link === link);

    expect(korean).toMatchObject({
      kind: 'contract_changed',
      title: `${contract.reference}: 예산 변경`,
      body: `"${contract.title}" 계약의 예산이 변경되었습니다. 계약을 열어 새 조건을 확인하십시오. 변경된 예산 한도는 KRW\u00a0500,000,000입니다.`,
    });
    expect(english?.body).toContain('The budget cap is now KRW\u00a0500,000,000.');
  });

  it('should refuse with 400 when the device’s time zone is not one', async () => {
    const response = await t
      .http()
      .get('/api/notifications')
      .query({ timeZone: 'Mars/Olympus' })
      .set(bearer(nate.accessToken));

    expect(response.status).toBe(400);
    expect((response.body as { code: string }).code).toBe('validation_failed');
  });
});
