import type {
  BriefDetailDto,
  ContractDetailDto,
  DeliverableDetailDto,
  DeliverableSummaryDto,
  DeliverableThumbnailDto,
  Page,
} from '@agency-portal/shared';
import { demoPdf } from '../src/app/seed/demo-pdf';
import { finishedUpload } from './support/deliverable-files';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from './support/test-app';
import { acceptedBrief } from './support/work';

/**
 * The picture a deliverable list shows beside each row: the latest version's first image, else its
 * first file (the web app shows an icon for its type), null before any version. Every answer that
 * summarises deliverables carries the same one, and the file opens for whoever sees the row.
 */

/** The start of an MP4 (an ftyp box); the bytes only need to be stored, not played. */
const MP4_BYTES = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('deliverable thumbnails', () => {
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let otherAgency: SignedIn;
  let brief: BriefDetailDto;
  let deliverableId: string;

  async function get<T>(path: string, who: SignedIn): Promise<T> {
    const response = await t.http().get(path).set(bearer(who.accessToken));
    expect(response.status).toBe(200);
    return response.body as T;
  }

  async function listed(who: SignedIn = lead): Promise<DeliverableThumbnailDto | null | undefined> {
    const page = await get<Page<DeliverableSummaryDto>>(`/api/deliverables?briefId=${brief.id}`, who);
    return page.items.find((item) => item.id === deliverableId)?.thumbnail;
  }

  async function submit(
    files: { bytes: Buffer; type: string; name: string }[],
  ): Promise<DeliverableDetailDto> {
    const fileIds: string[] = [];
    for (const file of files) {
      fileIds.push(await finishedUpload(t, member.userId, deliverableId, file.bytes, file.type, file.name));
    }
    const response = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/versions`)
      .set(bearer(member.accessToken))
      .send({ fileIds, copyText: 'Winter is here.' });
    expect(response.status).toBe(201);
    return response.body as DeliverableDetailDto;
  }

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    member = await t.login(DEMO.northwindMember);
    otherAgency = await t.login(DEMO.southpeakMember);
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Northwind Social' AND c.status = 'active' LIMIT 1`,
    );
    const contract = await get<ContractDetailDto>(`/api/contracts/${rows[0].id}`, lead);
    brief = await acceptedBrief(
      t,
      contract,
      { lead: lead.accessToken, agency: member.accessToken },
      { title: 'Thumbnail brief' },
    );
    deliverableId = brief.deliverables[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should list no thumbnail when the deliverable has no version yet', async () => {
    expect(await listed()).toBeNull();
  });

  it("should list the version's first image when its first file is a PDF", async () => {
    const pdf = demoPdf(['Storyboard']);
    const version = await submit([
      { bytes: pdf, type: 'application/pdf', name: 'storyboard.pdf' },
      { bytes: PNG, type: 'image/png', name: 'frame.png' },
    ]);
    const image = version.versions[0].files.find((file) => file.contentType === 'image/png');

    const expected = { fileId: image?.id, fileName: 'frame.png', contentType: 'image/png' };
    expect(await listed()).toEqual(expected);
    expect(await listed(member)).toEqual(expected);
    expect(version.thumbnail).toEqual(expected);
    const detail = await get<BriefDetailDto>(`/api/briefs/${brief.id}`, lead);
    expect(detail.deliverables.find((item) => item.id === deliverableId)?.thumbnail).toEqual(expected);
  });

  it("should list the latest version's first file, with its type, when that version has no image", async () => {
    const first = await get<DeliverableDetailDto>(`/api/deliverables/${deliverableId}`, lead);
    const sentBack = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/decisions`)
      .set(bearer(lead.accessToken))
      .send({
        versionId: first.versions[0].id,
        stepIndex: 0,
        decision: 'request_changes',
        comment: 'As a video, please',
      });
    expect(sentBack.status).toBe(200);

    const second = await submit([{ bytes: MP4_BYTES, type: 'video/mp4', name: 'cut.mp4' }]);

    expect(await listed()).toEqual({
      fileId: second.versions[0].files[0].id,
      fileName: 'cut.mp4',
      contentType: 'video/mp4',
    });
  });

  it('should open the listed file for the people who see the row, and for no one else', async () => {
    const thumbnail = await listed();
    const path = `/api/files/${thumbnail?.fileId ?? ''}/content`;

    expect((await t.http().get(path).set(bearer(lead.accessToken))).status).toBe(200);
    expect((await t.http().get(path).set(bearer(member.accessToken))).status).toBe(200);
    expect((await t.http().get(path).set(bearer(otherAgency.accessToken))).status).toBe(404);
    const theirs = await get<Page<DeliverableSummaryDto>>(
      `/api/deliverables?briefId=${brief.id}`,
      otherAgency,
    );
    expect(theirs.items).toEqual([]);
  });
});
