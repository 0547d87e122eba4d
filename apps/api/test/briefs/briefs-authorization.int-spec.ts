import type { Page } from '@agency-portal/shared';
import { randomUUID } from 'node:crypto';
import {
  can,
  isAgencyRole,
  ROLES,
  type ApiErrorBody,
  type ApprovalPolicyDto,
  type AppliedPolicyDto,
  type BriefDetailDto,
  type BriefDto,
  type CommentDto,
  type ContractDetailDto,
  type CreateBriefRequest,
  type CreateContractRequest,
  type DeliverableDetailDto,
  type DeliverableSummaryDto,
  type OutboxMessageDto,
  type Permission,
  type Role,
  type UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { finishedUpload, PNG_BYTES } from '../support/deliverable-files';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';
import { describeWithoutToken, expectRefused, FORBIDDEN } from '../support/route-matrix';

/**
 * Who may call which brief, deliverable, review, comment, file, approval-policy and outbox
 * endpoint, derived from the shared permission table; where the table lets a role through but
 * the workflow refuses it, any 4xx but 401/404 will do. Agency users reaching another agency's
 * records get exactly the answer a missing record gets.
 */

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The demo account that plays each role. Agency roles are played by Northwind's users. */
const ACTOR_EMAIL: Record<Role, string> = {
  admin: DEMO.admin,
  social_lead: DEMO.lead,
  reviewer: DEMO.reviewer,
  finance: DEMO.finance,
  viewer: DEMO.viewer,
  agency_admin: DEMO.northwindAdmin,
  agency_member: DEMO.northwindMember,
};

interface Call {
  path: string;
  body?: object;
}

interface Endpoint {
  /** e.g. `POST /api/briefs/:id/send` */
  route: string;
  method: Method;
  /** The route is open to a role holding any one of these. */
  access: readonly Permission[];
  successStatus: number;
  /** Roles the permission lets through but the workflow refuses. */
  refusedBy?: readonly Role[];
  /** Builds the request; creates whatever the call would change so rows never share state. */
  arrange(role: Role | 'anonymous'): Call | Promise<Call>;
  /** Checks the body and the database after a successful call. */
  verify(response: Response, call: Call, role: Role): void | Promise<void>;
}

interface WriteCounts {
  briefs: number;
  briefsUpdatedAt: string | null;
  deliverables: number;
  deliverablesUpdatedAt: string | null;
  versions: number;
  attachedFiles: number;
  decisions: number;
  comments: number;
  resolved: number;
  policies: number;
  policiesUpdatedAt: string | null;
  audit: number;
  notifications: number;
  outbox: number;
}

interface Fixture {
  tokens: Record<Role | 'southpeakMember', string>;
  userIds: Record<Role | 'southpeakMember', string>;
  koreaId: string;
  coeId: string;
  northwindId: string;
  krAwareness: string;
  /** An active Northwind contract whose own policy names admin, lead and reviewer as approvers. */
  matrix: ContractDetailDto;
  matrixPolicyId: string;
  southpeak: ContractDetailDto;
  /** Read-only records of the matrix contract. */
  shared: {
    draftBriefId: string;
    briefId: string;
    deliverableId: string;
    versionId: string;
    fileId: string;
    commentId: string;
  };
  /** Southpeak's records, for the record-scope rows. */
  foreign: {
    sentBriefId: string;
    briefId: string;
    openDeliverableId: string;
    reviewDeliverableId: string;
    approvedDeliverableId: string;
    versionId: string;
    fileId: string;
    commentId: string;
  };
}

function allowed(role: Role, access: readonly Permission[]): boolean {
  return access.some((permission) => can(role, permission));
}

describe('authorization of the brief, deliverable, review and outbox endpoints', () => {
  let t: TestApp;
  let fx: Fixture;
  let sequence = 0;

  const next = (): number => ++sequence;

  function send(method: Method, call: Call, token?: string): Promise<Response> {
    let request = t.http()[method](call.path);
    if (token !== undefined) request = request.set(bearer(token));
    return call.body === undefined ? request : request.send(call.body);
  }

  async function ok<T>(response: Promise<Response>, status: number): Promise<T> {
    const answer = await response;
    if (answer.status !== status) {
      throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body as T;
  }

  async function writeCounts(): Promise<WriteCounts> {
    await t.deliverEvents();
    const rows: WriteCounts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM briefs) AS briefs,
              (SELECT max(updated_at)::text FROM briefs) AS "briefsUpdatedAt",
              (SELECT count(*)::int FROM deliverables) AS deliverables,
              (SELECT max(updated_at)::text FROM deliverables) AS "deliverablesUpdatedAt",
              (SELECT count(*)::int FROM deliverable_versions) AS versions,
              (SELECT count(*)::int FROM stored_files WHERE version_id IS NOT NULL) AS "attachedFiles",
              (SELECT count(*)::int FROM approval_decisions) AS decisions,
              (SELECT count(*)::int FROM comments) AS comments,
              (SELECT count(*)::int FROM comments WHERE resolved_at IS NOT NULL) AS resolved,
              (SELECT count(*)::int FROM approval_policies) AS policies,
              (SELECT max(updated_at)::text FROM approval_policies) AS "policiesUpdatedAt",
              (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM notifications) AS notifications,
              (SELECT count(*)::int FROM mail_outbox) AS outbox`,
    );
    return rows[0];
  }

  const idOf = (call: Call): string => {
    const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(call.path);
    if (!match) throw new Error(`no id in ${call.path}`);
    return match[0];
  };

  async function column(table: string, name: string, id: string): Promise<unknown> {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT ${name} AS value FROM ${table} WHERE id = $1`,
      [id],
    );
    return rows[0]?.['value'];
  }

  // Arrangement ------------------------------------------------------------------------------

  function briefInput(on: ContractDetailDto = fx.matrix): CreateBriefRequest {
    return {
      contractId: on.id,
      goalIds: [on.allocations[0].goalId],
      title: `Matrix brief ${next()}`,
      objective: 'Whatever the matrix needs',
      audience: 'Everyone',
      keyMessages: [],
      channels: ['instagram'],
      funnelStage: 'awareness',
      dueDate: '2032-06-30',
      specs: [
        { rateCardItemId: on.rateCard[0].id, quantity: 1, dueDate: '2032-06-20', channel: 'instagram' },
      ],
    };
  }

  async function draftBrief(on: ContractDetailDto = fx.matrix): Promise<string> {
    const brief = await ok<BriefDetailDto>(
      send('post', { path: '/api/briefs', body: briefInput(on) }, fx.tokens.social_lead),
      201,
    );
    return brief.id;
  }

  async function sentBrief(on: ContractDetailDto = fx.matrix): Promise<string> {
    const id = await draftBrief(on);
    await ok(send('post', { path: `/api/briefs/${id}/send` }, fx.tokens.social_lead), 200);
    return id;
  }

  async function acceptedBrief(on: ContractDetailDto = fx.matrix): Promise<BriefDetailDto> {
    const id = await sentBrief(on);
    const accepter = on.id === fx.matrix.id ? fx.tokens.agency_member : fx.tokens.southpeakMember;
    return ok<BriefDetailDto>(send('post', { path: `/api/briefs/${id}/accept` }, accepter), 200);
  }

  async function openDeliverable(on: ContractDetailDto = fx.matrix): Promise<string> {
    return (await acceptedBrief(on)).deliverables[0].id;
  }

  async function inReview(on: ContractDetailDto = fx.matrix): Promise<DeliverableDetailDto> {
    const deliverableId = await openDeliverable(on);
    const uploader = on.id === fx.matrix.id ? 'agency_member' : 'southpeakMember';
    const fileId = await finishedUpload(t, fx.userIds[uploader], deliverableId);
    return ok<DeliverableDetailDto>(
      send(
        'post',
        {
          path: `/api/deliverables/${deliverableId}/versions`,
          body: { fileIds: [fileId], copyText: 'Matrix copy' },
        },
        fx.tokens[uploader],
      ),
      201,
    );
  }

  async function approvedDeliverable(on: ContractDetailDto = fx.matrix): Promise<string> {
    const review = await inReview(on);
    await ok(
      send(
        'post',
        {
          path: `/api/deliverables/${review.id}/decisions`,
          body: { versionId: review.versions[0].id, stepIndex: 0, decision: 'approve' },
        },
        fx.tokens.social_lead,
      ),
      200,
    );
    return review.id;
  }

  async function commentOn(versionId: string, resolved = false): Promise<string> {
    const created = await ok<CommentDto>(
      send(
        'post',
        { path: `/api/versions/${versionId}/comments`, body: { body: `Matrix note ${next()}` } },
        fx.tokens.social_lead,
      ),
      201,
    );
    if (resolved)
      await ok(send('post', { path: `/api/comments/${created.id}/resolve` }, fx.tokens.social_lead), 200);
    return created.id;
  }

  function contractInput(): CreateContractRequest {
    return {
      agencyId: fx.northwindId,
      businessUnitId: fx.koreaId,
      ownerId: fx.userIds.social_lead,
      reference: `BRIEF-MATRIX-${next()}`,
      title: 'Matrix contract',
      scope: 'Whatever the matrix needs.',
      startDate: '2032-01-01',
      endDate: '2098-12-31',
      currency: 'KRW',
      budgetCapMinor: 90_000_000_000,
      renewalNoticeDays: 30,
      rateCard: [{ code: 'REEL', description: 'Reel', unit: 'deliverable', unitPriceMinor: 1_000_000 }],
      allocations: [{ goalId: fx.krAwareness, percent: 5 }],
    };
  }

  async function draftContract(): Promise<string> {
    const contract = await ok<ContractDetailDto>(
      send('post', { path: '/api/contracts', body: contractInput() }, fx.tokens.social_lead),
      201,
    );
    return contract.id;
  }

  async function freshUnit(): Promise<string> {
    const unit = await ok<{ id: string }>(
      send(
        'post',
        {
          path: '/api/business-units',
          body: { name: `Matrix unit ${next()}`, operatingModel: 'decentralised', parentId: fx.coeId },
        },
        fx.tokens.admin,
      ),
      201,
    );
    return unit.id;
  }

  function policyInput(): UpsertApprovalPolicyRequest {
    return {
      name: `Matrix policy ${next()}`,
      steps: [{ name: 'Lead', approverRole: 'social_lead', approverUserIds: [], slaHours: 24 }],
    };
  }

  async function withPolicy(path: string): Promise<void> {
    await ok(send('put', { path, body: policyInput() }, fx.tokens.admin), 200);
  }

  const userOf = (role: Role | 'anonymous'): string =>
    role === 'anonymous' ? fx.userIds.agency_member : fx.userIds[role];

  // The table --------------------------------------------------------------------------------

  const ENDPOINTS: Endpoint[] = [
    {
      route: 'GET /api/briefs',
      method: 'get',
      access: ['brief:read'],
      successStatus: 200,
      arrange: () => ({ path: '/api/briefs?limit=100' }),
      verify(response, _call, role) {
        const ids = (response.body as Page<BriefDto>).items.map((brief) => brief.id);
        expect(ids).toContain(fx.shared.briefId);
        if (isAgencyRole(role)) {
          expect(ids).not.toContain(fx.shared.draftBriefId);
          expect(ids).not.toContain(fx.foreign.briefId);
        } else if (role === 'reviewer') {
          // Reviewers read what they review: the matrix policy names them, Southpeak's does not.
          expect(ids).toContain(fx.shared.draftBriefId);
          expect(ids).not.toContain(fx.foreign.briefId);
        } else {
          expect(ids).toEqual(expect.arrayContaining([fx.shared.draftBriefId, fx.foreign.briefId]));
        }
      },
    },
    {
      route: 'POST /api/briefs',
      method: 'post',
      access: ['brief:manage'],
      successStatus: 201,
      arrange: () => ({ path: '/api/briefs', body: briefInput() }),
      async verify(response, call, role) {
        const brief = response.body as BriefDetailDto;
        expect(brief).toMatchObject({ title: (call.body as CreateBriefRequest).title, status: 'draft' });
        expect(await column('briefs', 'created_by', brief.id)).toBe(fx.userIds[role]);
      },
    },
    {
      route: 'GET /api/briefs/:id',
      method: 'get',
      access: ['brief:read'],
      successStatus: 200,
      arrange: () => ({ path: `/api/briefs/${fx.shared.briefId}` }),
      verify(response) {
        expect((response.body as BriefDetailDto).id).toBe(fx.shared.briefId);
      },
    },
    {
      route: 'PATCH /api/briefs/:id',
      method: 'patch',
      access: ['brief:manage'],
      successStatus: 200,
      arrange: async (role) => ({
        path: `/api/briefs/${await draftBrief()}`,
        body: { title: `Retitled by ${role} ${next()}` },
      }),
      async verify(response, call) {
        const title = (call.body as { title: string }).title;
        expect((response.body as BriefDetailDto).title).toBe(title);
        expect(await column('briefs', 'title', idOf(call))).toBe(title);
      },
    },
    {
      route: 'POST /api/briefs/:id/send',
      method: 'post',
      access: ['brief:manage'],
      successStatus: 200,
      arrange: async () => ({ path: `/api/briefs/${await draftBrief()}/send` }),
      async verify(response, call) {
        expect((response.body as BriefDetailDto).status).toBe('sent');
        expect(await column('briefs', 'status', idOf(call))).toBe('sent');
      },
    },
    {
      route: 'POST /api/briefs/:id/budget-override',
      method: 'post',
      access: ['brief:manage'],
      successStatus: 200,
      arrange: async () => ({
        path: `/api/briefs/${await draftBrief()}/budget-override`,
        body: { reason: 'Matrix override' },
      }),
      async verify(response, call) {
        expect((response.body as BriefDetailDto).budgetOverride?.reason).toBe('Matrix override');
        expect(await column('briefs', 'override_reason', idOf(call))).toBe('Matrix override');
      },
    },
    {
      route: 'POST /api/briefs/:id/accept',
      method: 'post',
      access: ['brief:respond'],
      successStatus: 200,
      refusedBy: ['admin'],
      arrange: async () => ({ path: `/api/briefs/${await sentBrief()}/accept` }),
      async verify(response, call) {
        const brief = response.body as BriefDetailDto;
        expect(brief.status).toBe('accepted');
        expect(brief.deliverables).toHaveLength(1);
        expect(await column('briefs', 'status', idOf(call))).toBe('accepted');
      },
    },
    {
      route: 'POST /api/briefs/:id/decline',
      method: 'post',
      access: ['brief:respond'],
      successStatus: 200,
      refusedBy: ['admin'],
      arrange: async () => ({
        path: `/api/briefs/${await sentBrief()}/decline`,
        body: { reason: 'Matrix says no' },
      }),
      async verify(response, call) {
        expect(response.body as BriefDetailDto).toMatchObject({
          status: 'declined',
          declineReason: 'Matrix says no',
        });
        expect(await column('briefs', 'status', idOf(call))).toBe('declined');
      },
    },
    {
      route: 'POST /api/briefs/:id/cancel',
      method: 'post',
      access: ['brief:manage'],
      successStatus: 200,
      arrange: async () => ({ path: `/api/briefs/${await sentBrief()}/cancel` }),
      async verify(response, call) {
        expect((response.body as BriefDetailDto).status).toBe('cancelled');
        expect(await column('briefs', 'status', idOf(call))).toBe('cancelled');
      },
    },
    {
      route: 'POST /api/briefs/:id/complete',
      method: 'post',
      access: ['brief:manage'],
      successStatus: 200,
      arrange: async () => ({ path: `/api/briefs/${(await acceptedBrief()).id}/complete` }),
      async verify(response, call) {
        expect((response.body as BriefDetailDto).status).toBe('completed');
        expect(await column('briefs', 'status', idOf(call))).toBe('completed');
      },
    },
    {
      route: 'GET /api/deliverables',
      method: 'get',
      access: ['deliverable:read'],
      successStatus: 200,
      arrange: () => ({ path: '/api/deliverables?limit=100' }),
      verify(response, _call, role) {
        const ids = (response.body as Page<DeliverableSummaryDto>).items.map((deliverable) => deliverable.id);
        expect(ids).toContain(fx.shared.deliverableId);
        if (isAgencyRole(role) || role === 'reviewer')
          expect(ids).not.toContain(fx.foreign.reviewDeliverableId);
        else expect(ids).toContain(fx.foreign.reviewDeliverableId);
      },
    },
    {
      route: 'GET /api/deliverables/:id',
      method: 'get',
      access: ['deliverable:read'],
      successStatus: 200,
      arrange: () => ({ path: `/api/deliverables/${fx.shared.deliverableId}` }),
      verify(response) {
        const deliverable = response.body as DeliverableDetailDto;
        expect(deliverable.id).toBe(fx.shared.deliverableId);
        expect(deliverable.versions.map((version) => version.id)).toEqual([fx.shared.versionId]);
      },
    },
    {
      // Creating a deliverable is work on the brief: its brand owners or the agency doing it, never a read-only role.
      route: 'POST /api/deliverables/:id/derivatives',
      method: 'post',
      access: ['deliverable:derive'],
      successStatus: 201,
      arrange: async () => ({
        path: `/api/deliverables/${await openDeliverable()}/derivatives`,
        body: { title: `Cut-down ${next()}`, channel: 'tiktok', dueDate: '2032-06-25' },
      }),
      async verify(response, call) {
        const child = response.body as DeliverableDetailDto;
        expect(child.derivedFromId).toBe(idOf(call));
        expect(await column('deliverables', 'derived_from_id', child.id)).toBe(idOf(call));
      },
    },
    {
      route: 'POST /api/deliverables/:id/versions',
      method: 'post',
      access: ['deliverable:upload'],
      successStatus: 201,
      // In-house users hold every permission as admin, but only the agency submits versions.
      refusedBy: ['admin'],
      arrange: async (role) => {
        const deliverableId = await openDeliverable();
        const fileId = await finishedUpload(t, userOf(role), deliverableId);
        return {
          path: `/api/deliverables/${deliverableId}/versions`,
          body: { fileIds: [fileId], copyText: 'v1' },
        };
      },
      async verify(response, call) {
        const deliverable = response.body as DeliverableDetailDto;
        expect(deliverable.status).toBe('in_review');
        expect(deliverable.versions.map((version) => version.number)).toEqual([1]);
        expect(await column('deliverables', 'status', idOf(call))).toBe('in_review');
      },
    },
    {
      route: 'POST /api/deliverables/:id/decisions',
      method: 'post',
      access: ['deliverable:review'],
      successStatus: 200,
      arrange: async () => {
        const review = await inReview();
        return {
          path: `/api/deliverables/${review.id}/decisions`,
          body: { versionId: review.versions[0].id, stepIndex: 0, decision: 'approve' },
        };
      },
      async verify(response, call) {
        expect((response.body as DeliverableDetailDto).status).toBe('approved');
        expect(await column('deliverables', 'status', idOf(call))).toBe('approved');
      },
    },
    {
      route: 'POST /api/deliverables/:id/publish',
      method: 'post',
      access: ['deliverable:publish'],
      successStatus: 200,
      arrange: async () => ({
        path: `/api/deliverables/${await approvedDeliverable()}/publish`,
        body: { postUrl: 'https://www.instagram.com/p/matrix' },
      }),
      async verify(response, call) {
        expect(response.body as DeliverableDetailDto).toMatchObject({
          status: 'published',
          postUrl: 'https://www.instagram.com/p/matrix',
        });
        expect(await column('deliverables', 'status', idOf(call))).toBe('published');
      },
    },
    {
      route: 'GET /api/files/:id/content',
      method: 'get',
      access: ['deliverable:read'],
      successStatus: 200,
      arrange: () => ({ path: `/api/files/${fx.shared.fileId}/content` }),
      verify(response) {
        expect(response.headers['content-type']).toMatch(/^image\/png/);
        expect(Buffer.compare(response.body as Buffer, PNG_BYTES)).toBe(0);
      },
    },
    {
      route: 'GET /api/versions/:versionId/comments',
      method: 'get',
      access: ['deliverable:read'],
      successStatus: 200,
      arrange: () => ({ path: `/api/versions/${fx.shared.versionId}/comments` }),
      verify(response) {
        expect((response.body as Page<CommentDto>).items.map((comment) => comment.id)).toContain(
          fx.shared.commentId,
        );
      },
    },
    {
      route: 'POST /api/versions/:versionId/comments',
      method: 'post',
      access: ['comment:write'],
      successStatus: 201,
      arrange: () => ({
        path: `/api/versions/${fx.shared.versionId}/comments`,
        body: { body: `Matrix comment ${next()}` },
      }),
      async verify(response, call, role) {
        const comment = response.body as CommentDto;
        expect(comment.body).toBe((call.body as { body: string }).body);
        expect(await column('comments', 'author_id', comment.id)).toBe(fx.userIds[role]);
      },
    },
    {
      route: 'POST /api/comments/:id/resolve',
      method: 'post',
      access: ['comment:write'],
      successStatus: 200,
      arrange: async () => ({ path: `/api/comments/${await commentOn(fx.shared.versionId)}/resolve` }),
      async verify(response, call, role) {
        expect((response.body as CommentDto).resolved).toBe(true);
        expect(await column('comments', 'resolved_by', idOf(call))).toBe(fx.userIds[role]);
      },
    },
    {
      route: 'POST /api/comments/:id/unresolve',
      method: 'post',
      access: ['comment:write'],
      successStatus: 200,
      arrange: async () => ({
        path: `/api/comments/${await commentOn(fx.shared.versionId, true)}/unresolve`,
      }),
      async verify(response, call) {
        expect((response.body as CommentDto).resolved).toBe(false);
        expect(await column('comments', 'resolved_at', idOf(call))).toBeNull();
      },
    },
    {
      route: 'GET /api/approval-policies',
      method: 'get',
      access: ['approval_policy:read'],
      successStatus: 200,
      arrange: () => ({ path: '/api/approval-policies?limit=100' }),
      verify(response) {
        expect((response.body as Page<ApprovalPolicyDto>).items.map((policy) => policy.id)).toContain(
          fx.matrixPolicyId,
        );
      },
    },
    {
      route: 'PUT /api/business-units/:id/approval-policy',
      method: 'put',
      access: ['approval_policy:manage'],
      successStatus: 200,
      arrange: async () => ({
        path: `/api/business-units/${await freshUnit()}/approval-policy`,
        body: policyInput(),
      }),
      async verify(response, call) {
        const policy = response.body as ApprovalPolicyDto;
        expect(policy).toMatchObject({ businessUnitId: idOf(call), contractId: null });
        expect(await column('approval_policies', 'business_unit_id', policy.id)).toBe(idOf(call));
      },
    },
    {
      route: 'DELETE /api/business-units/:id/approval-policy',
      method: 'delete',
      access: ['approval_policy:manage'],
      successStatus: 204,
      arrange: async () => {
        const path = `/api/business-units/${await freshUnit()}/approval-policy`;
        await withPolicy(path);
        return { path };
      },
      async verify(_response, call) {
        const rows: unknown[] = await t.dataSource.query(
          'SELECT id FROM approval_policies WHERE business_unit_id = $1',
          [idOf(call)],
        );
        expect(rows).toHaveLength(0);
      },
    },
    {
      route: 'PUT /api/contracts/:id/approval-policy',
      method: 'put',
      access: ['approval_policy:manage'],
      successStatus: 200,
      arrange: async () => ({
        path: `/api/contracts/${await draftContract()}/approval-policy`,
        body: policyInput(),
      }),
      async verify(response, call) {
        const policy = response.body as ApprovalPolicyDto;
        expect(policy).toMatchObject({ contractId: idOf(call), businessUnitId: null });
        expect(await column('approval_policies', 'contract_id', policy.id)).toBe(idOf(call));
      },
    },
    {
      route: 'DELETE /api/contracts/:id/approval-policy',
      method: 'delete',
      access: ['approval_policy:manage'],
      successStatus: 204,
      arrange: async () => {
        const path = `/api/contracts/${await draftContract()}/approval-policy`;
        await withPolicy(path);
        return { path };
      },
      async verify(_response, call) {
        const rows: unknown[] = await t.dataSource.query(
          'SELECT id FROM approval_policies WHERE contract_id = $1',
          [idOf(call)],
        );
        expect(rows).toHaveLength(0);
      },
    },
    {
      route: 'GET /api/contracts/:id/approval-policy/effective',
      method: 'get',
      access: ['approval_policy:read'],
      successStatus: 200,
      arrange: () => ({ path: `/api/contracts/${fx.matrix.id}/approval-policy/effective` }),
      verify(response) {
        expect(response.body as AppliedPolicyDto).toMatchObject({
          source: 'contract',
          policyId: fx.matrixPolicyId,
        });
      },
    },
    {
      route: 'GET /api/mail-outbox',
      method: 'get',
      access: ['outbox:read'],
      successStatus: 200,
      arrange: () => ({ path: '/api/mail-outbox?limit=100' }),
      verify(response) {
        const messages = (response.body as Page<OutboxMessageDto>).items;
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((message) => message.status === 'not_sent')).toBe(true);
      },
    },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const tokens = {} as Fixture['tokens'];
    const userIds = {} as Fixture['userIds'];
    for (const role of ROLES) {
      const signedIn = await t.login(ACTOR_EMAIL[role]);
      tokens[role] = signedIn.accessToken;
      userIds[role] = signedIn.userId;
    }
    const southpeakMember = await t.login(DEMO.southpeakMember);
    tokens.southpeakMember = southpeakMember.accessToken;
    userIds.southpeakMember = southpeakMember.userId;
    const goals: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM marketing_goals WHERE kpi_metric = 'reach'`,
    );
    const southpeakActive: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Southpeak Media' AND c.status = 'active'`,
    );
    const partial = {
      tokens,
      userIds,
      koreaId: await t.unitId('Korea Consumer Marketing'),
      coeId: await t.unitId('Global Social Centre of Excellence'),
      northwindId: await t.agencyId('Northwind Social'),
      krAwareness: goals[0].id,
    };
    fx = partial as Fixture;

    // The matrix contract: active, with its own policy naming every in-house approver.
    const contractId = await draftContract();
    await ok(
      t
        .http()
        .put(`/api/contracts/${contractId}/document`)
        .set(bearer(tokens.social_lead))
        .attach('file', PDF, { filename: 'signed.pdf', contentType: 'application/pdf' }),
      200,
    );
    await ok(send('post', { path: `/api/contracts/${contractId}/activate` }, tokens.social_lead), 200);
    const policy = await ok<ApprovalPolicyDto>(
      send(
        'put',
        {
          path: `/api/contracts/${contractId}/approval-policy`,
          body: {
            name: 'Matrix approvers',
            steps: [
              {
                name: 'Anyone in-house',
                approverRole: null,
                approverUserIds: [userIds.admin, userIds.social_lead, userIds.reviewer],
                slaHours: 24,
              },
            ],
          },
        },
        tokens.admin,
      ),
      200,
    );
    fx.matrix = await ok<ContractDetailDto>(
      send('get', { path: `/api/contracts/${contractId}` }, tokens.social_lead),
      200,
    );
    fx.matrixPolicyId = policy.id;
    fx.southpeak = await ok<ContractDetailDto>(
      send('get', { path: `/api/contracts/${southpeakActive[0].id}` }, tokens.social_lead),
      200,
    );

    const sharedReview = await inReview();
    fx.shared = {
      draftBriefId: await draftBrief(),
      briefId: sharedReview.briefId,
      deliverableId: sharedReview.id,
      versionId: sharedReview.versions[0].id,
      fileId: sharedReview.versions[0].files[0].id,
      commentId: await commentOn(sharedReview.versions[0].id),
    };
    const foreignReview = await inReview(fx.southpeak);
    fx.foreign = {
      sentBriefId: await sentBrief(fx.southpeak),
      briefId: foreignReview.briefId,
      openDeliverableId: await openDeliverable(fx.southpeak),
      reviewDeliverableId: foreignReview.id,
      approvedDeliverableId: await approvedDeliverable(fx.southpeak),
      versionId: foreignReview.versions[0].id,
      fileId: foreignReview.versions[0].files[0].id,
      commentId: await commentOn(foreignReview.versions[0].id),
    };
  });

  afterAll(async () => {
    await t.close();
  });

  describe.each(ROLES)('as %s', (role) => {
    for (const endpoint of ENDPOINTS) {
      if (!allowed(role, endpoint.access)) {
        it(`should refuse with 403 forbidden and write nothing when ${role} calls ${endpoint.route}`, () =>
          expectRefused(FORBIDDEN, writeCounts, async () => {
            const call = await endpoint.arrange(role);
            return () => send(endpoint.method, call, fx.tokens[role]);
          }));
      } else if (endpoint.refusedBy?.includes(role)) {
        it(`should refuse by workflow with a 4xx other than 401/404 and write nothing when ${role} calls ${endpoint.route}`, async () => {
          const call = await endpoint.arrange(role);
          const before = await writeCounts();

          const response = await send(endpoint.method, call, fx.tokens[role]);

          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect([401, 404]).not.toContain(response.status);
          expect(await writeCounts()).toEqual(before);
        });
      } else {
        it(`should answer ${endpoint.successStatus} when ${role} calls ${endpoint.route}`, async () => {
          const call = await endpoint.arrange(role);

          const response = await send(endpoint.method, call, fx.tokens[role]);

          expect(response.status).toBe(endpoint.successStatus);
          await endpoint.verify(response, call, role);
        });
      }
    }
  });

  describeWithoutToken(ENDPOINTS, writeCounts, async (endpoint) => {
    const call = await endpoint.arrange('anonymous');
    return () => send(endpoint.method, call);
  });

  describe('record scoping', () => {
    type Target = keyof Fixture['foreign'];

    interface ScopedCall {
      route: string;
      method: Method;
      access: readonly Permission[];
      target: Target;
      path: (id: string) => string;
      body?: object;
    }

    const SCOPED_CALLS: ScopedCall[] = [
      {
        route: 'GET /api/briefs/:id',
        method: 'get',
        access: ['brief:read'],
        target: 'briefId',
        path: (id) => `/api/briefs/${id}`,
      },
      {
        route: 'PATCH /api/briefs/:id',
        method: 'patch',
        access: ['brief:manage'],
        target: 'sentBriefId',
        path: (id) => `/api/briefs/${id}`,
        body: { title: 'Hijacked' },
      },
      ...(['send', 'cancel', 'complete'] as const).map((action) => ({
        route: `POST /api/briefs/:id/${action}`,
        method: 'post' as const,
        access: ['brief:manage'] as const,
        target: 'sentBriefId' as const,
        path: (id: string) => `/api/briefs/${id}/${action}`,
      })),
      {
        route: 'POST /api/briefs/:id/budget-override',
        method: 'post',
        access: ['brief:manage'],
        target: 'sentBriefId',
        path: (id) => `/api/briefs/${id}/budget-override`,
        body: { reason: 'Not yours' },
      },
      {
        route: 'POST /api/briefs/:id/accept',
        method: 'post',
        access: ['brief:respond'],
        target: 'sentBriefId',
        path: (id) => `/api/briefs/${id}/accept`,
      },
      {
        route: 'POST /api/briefs/:id/decline',
        method: 'post',
        access: ['brief:respond'],
        target: 'sentBriefId',
        path: (id) => `/api/briefs/${id}/decline`,
        body: { reason: 'Not yours' },
      },
      {
        route: 'GET /api/deliverables/:id',
        method: 'get',
        access: ['deliverable:read'],
        target: 'reviewDeliverableId',
        path: (id) => `/api/deliverables/${id}`,
      },
      {
        route: 'POST /api/deliverables/:id/derivatives',
        method: 'post',
        access: ['deliverable:derive'],
        target: 'openDeliverableId',
        path: (id) => `/api/deliverables/${id}/derivatives`,
        body: { title: 'Hijacked cut-down', channel: null, dueDate: '2032-06-25' },
      },
      {
        route: 'POST /api/deliverables/:id/versions',
        method: 'post',
        access: ['deliverable:upload'],
        target: 'openDeliverableId',
        path: (id) => `/api/deliverables/${id}/versions`,
        body: { fileIds: [randomUUID()], copyText: 'Not yours' },
      },
      {
        route: 'POST /api/deliverables/:id/decisions',
        method: 'post',
        access: ['deliverable:review'],
        target: 'reviewDeliverableId',
        path: (id) => `/api/deliverables/${id}/decisions`,
        body: { versionId: randomUUID(), stepIndex: 0, decision: 'approve' },
      },
      {
        route: 'POST /api/deliverables/:id/publish',
        method: 'post',
        access: ['deliverable:publish'],
        target: 'approvedDeliverableId',
        path: (id) => `/api/deliverables/${id}/publish`,
        body: { postUrl: 'https://example.com/hijacked' },
      },
      {
        route: 'GET /api/files/:id/content',
        method: 'get',
        access: ['deliverable:read'],
        target: 'fileId',
        path: (id) => `/api/files/${id}/content`,
      },
      {
        route: 'GET /api/versions/:versionId/comments',
        method: 'get',
        access: ['deliverable:read'],
        target: 'versionId',
        path: (id) => `/api/versions/${id}/comments`,
      },
      {
        route: 'POST /api/versions/:versionId/comments',
        method: 'post',
        access: ['comment:write'],
        target: 'versionId',
        path: (id) => `/api/versions/${id}/comments`,
        body: { body: 'Not yours' },
      },
      {
        route: 'POST /api/comments/:id/resolve',
        method: 'post',
        access: ['comment:write'],
        target: 'commentId',
        path: (id) => `/api/comments/${id}/resolve`,
      },
      {
        route: 'POST /api/comments/:id/unresolve',
        method: 'post',
        access: ['comment:write'],
        target: 'commentId',
        path: (id) => `/api/comments/${id}/unresolve`,
      },
    ];

    // Northwind's agency users, and a reviewer whom Southpeak's policy (the default) does not name.
    const outsiders = [
      { role: 'agency_admin', who: 'Northwind agency_admin' },
      { role: 'agency_member', who: 'Northwind agency_member' },
      { role: 'reviewer', who: 'a reviewer Southpeak’s policy does not name' },
    ] as const;

    for (const { role, who } of outsiders) {
      for (const scoped of SCOPED_CALLS) {
        const permitted = allowed(role, scoped.access);
        const expected = permitted ? '404 not_found' : '403 forbidden';

        it(`should answer ${expected} exactly as for a missing record and write nothing when ${who} calls ${scoped.route} on Southpeak's ${scoped.target}`, async () => {
          const before = await writeCounts();

          const foreign = await send(
            scoped.method,
            { path: scoped.path(fx.foreign[scoped.target]), body: scoped.body },
            fx.tokens[role],
          );
          const missing = await send(
            scoped.method,
            { path: scoped.path(randomUUID()), body: scoped.body },
            fx.tokens[role],
          );

          expect(foreign.status).toBe(permitted ? 404 : 403);
          expect((foreign.body as ApiErrorBody).code).toBe(permitted ? 'not_found' : 'forbidden');
          expect(missing.status).toBe(foreign.status);
          expect(foreign.body).toEqual(missing.body);
          expect(await writeCounts()).toEqual(before);
        });
      }

      it(`should list none of Southpeak's briefs or deliverables when ${who} filters by them`, async () => {
        const briefs = await send(
          'get',
          { path: `/api/briefs?contractId=${fx.southpeak.id}` },
          fx.tokens[role],
        );
        const deliverables = await send(
          'get',
          { path: `/api/deliverables?briefId=${fx.foreign.briefId}` },
          fx.tokens[role],
        );

        expect(briefs.status).toBe(200);
        expect((briefs.body as Page<unknown>).items).toEqual([]);
        expect(deliverables.status).toBe(200);
        expect((deliverables.body as Page<unknown>).items).toEqual([]);
      });
    }
  });
});
