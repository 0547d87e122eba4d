import type { AgencyScorecardDto, ScorecardPage } from '@agency-portal/shared';
import { quarterOf, shiftQuarter } from '@agency-portal/shared';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoScorecards } from '../../src/app/seed/demo-scorecards';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

describe('demo scorecards', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should seed three past quarters once, in which the two agencies visibly differ', async () => {
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    expect(await seedDemoScorecards(t.dataSource, storage, {})).toBe(true);
    expect(await seedDemoScorecards(t.dataSource, storage, {})).toBe(false);

    const lead = await t.login(DEMO.lead);
    const last = shiftQuarter(quarterOf(new Date()), -1);
    const response = await t.http().get(`/api/scorecards?quarter=${last}`).set(bearer(lead.accessToken));
    expect(response.status).toBe(200);
    const rows = (response.body as ScorecardPage).items;
    const northwind = rows.find((row) => row.agencyName === 'Northwind Social')?.figures;
    const southpeak = rows.find((row) => row.agencyName === 'Southpeak Media')?.figures;
    // Northwind: 3 of 4 on time, 4 change requests on 4 approved; Southpeak: 4 of 4, 1 change request.
    expect(northwind?.onTimeRate).toEqual({ value: 0.75, count: 3, sample: 4 });
    expect(southpeak?.onTimeRate).toEqual({ value: 1, count: 4, sample: 4 });
    expect(northwind?.averageRevisionRounds).toEqual({ value: 1, sample: 4 });
    expect(southpeak?.averageRevisionRounds).toEqual({ value: 0.25, sample: 4 });
    expect(northwind?.medianReviewHours.value).toBe(30);
    expect(southpeak?.medianReviewHours.value).toBe(14);
    expect(southpeak?.budgetVariance).toEqual([
      expect.objectContaining({ currency: 'IDR', varianceMinor: 0, varianceRatio: 0 }),
    ]);

    const agencyId = await t.agencyId('Northwind Social');
    const trend = await t
      .http()
      .get(`/api/scorecards/agencies/${agencyId}?quarter=${last}&quarters=3`)
      .set(bearer(lead.accessToken));
    const quarters = (trend.body as AgencyScorecardDto).quarters;
    // Improving: 1 of 4, 2 of 4, 3 of 4 on time.
    expect(quarters.map((quarter) => quarter.figures.onTimeRate.value)).toEqual([0.25, 0.5, 0.75]);
    expect(quarters[0]?.figures.budgetVariance[0]).toMatchObject({ currency: 'KRW', varianceMinor: 300_000 });
    // Writing some 40 demo files (each fsynced) takes a while on a busy machine.
  }, 300_000);
});
