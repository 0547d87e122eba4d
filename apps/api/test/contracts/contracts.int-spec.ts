import { bearer, suiteApp, DEMO } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('contracts: lifecycle smoke', () => {
  const t = suiteApp();

  it('should create a goal and a KRW contract, take the signed PDF, activate, and hide notes from the agency', async () => {
    const lead = await t.login(DEMO.lead);
    const unitId = await t.unitId('Korea Consumer Marketing');
    const goal = await t
      .http()
      .post('/api/goals')
      .set(bearer(lead.accessToken))
      .send({
        businessUnitId: unitId,
        ownerId: lead.userId,
        name: 'Korea awareness H1',
        kpiMetric: 'reach',
        targetValue: 5_000_000,
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        channels: ['instagram', 'youtube'],
        funnelStage: 'awareness',
        status: 'active',
      });
    expect(goal.status).toBe(201);

    const contract = await t
      .http()
      .post('/api/contracts')
      .set(bearer(lead.accessToken))
      .send({
        agencyId: await t.agencyId('Northwind Social'),
        businessUnitId: unitId,
        ownerId: lead.userId,
        reference: 'SOW-TEST-1',
        title: 'Always-on social',
        scope: 'Instagram and YouTube',
        startDate: '2026-01-01',
        endDate: '2030-12-31',
        currency: 'KRW',
        budgetCapMinor: 150_000_000,
        renewalNoticeDays: 30,
        internalNotes: 'Negotiated 10% below list',
        rateCard: [
          { code: 'REEL', description: 'Reel', unit: 'deliverable', unitPriceMinor: 1_500_000 },
          { code: 'HOUR', description: 'Strategy hour', unit: 'hour', unitPriceMinor: 120_000 },
        ],
        allocations: [{ goalId: goal.body.id, percent: 60 }],
      });
    expect(contract.status).toBe(201);
    expect(contract.body.allocations[0]).toMatchObject({ percent: 60, allocatedMinor: 90_000_000 });
    const id = contract.body.id as string;

    const early = await t.http().post(`/api/contracts/${id}/activate`).set(bearer(lead.accessToken));
    expect(early.status).toBe(409);

    const upload = await t
      .http()
      .put(`/api/contracts/${id}/document`)
      .set(bearer(lead.accessToken))
      .attach('file', PDF, { filename: 'signed.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(200);
    expect(upload.body.signedDocument).toMatchObject({ fileName: 'signed.pdf', sizeBytes: PDF.length });

    const activated = await t.http().post(`/api/contracts/${id}/activate`).set(bearer(lead.accessToken));
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');

    const member = await t.login(DEMO.northwindMember);
    const seen = await t.http().get(`/api/contracts/${id}`).set(bearer(member.accessToken));
    expect(seen.status).toBe(200);
    expect(seen.body.internalNotes).toBeUndefined();
    expect(seen.body.rateCard).toHaveLength(2);
    const download = await t.http().get(`/api/contracts/${id}/document`).set(bearer(member.accessToken));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');

    const other = await t.login(DEMO.southpeakMember);
    expect((await t.http().get(`/api/contracts/${id}`).set(bearer(other.accessToken))).status).toBe(404);
  });
});
