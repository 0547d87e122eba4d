import { Injectable, type StreamableFile } from '@nestjs/common';
import type {
  FinanceQueueCountsDto,
  InvoiceAction,
  InvoiceDetailDto,
  InvoiceDto,
  InvoiceSortKey,
  Page,
} from '@agency-portal/shared';
import { approvalRefusal, invoiceActions } from '@agency-portal/shared';
import type { Response } from 'express';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { todayIso } from '../common/http/validators';
import {
  joinSome,
  paginate,
  PERSON,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
  whereBetween,
} from '../common/lists/paginate';
import { FilesService } from '../files/files.service';
import type { FinanceQueueQueryDto, InvoiceListQueryDto } from './dto/invoice.dto';
import { Invoice, InvoiceApproval, InvoiceLine } from './invoice.entity';
import { toInvoiceDetailDto, toInvoiceDto } from './invoice.mapper';

const INVOICE_LIST: ListSpec<InvoiceSortKey> = {
  alias: 'invoice',
  sorts: {
    submittedAt: { expression: 'invoice.submitted_at', type: 'timestamptz' },
    dueDate: { expression: 'invoice.due_date', type: 'date' },
    issueDate: { expression: 'invoice.issue_date', type: 'date' },
    number: { expression: 'invoice.number', type: 'text' },
  },
  defaultSort: '-submittedAt',
};

/** Reads of invoices: lists, the finance queue, one invoice with its lines, its PDF. */
@Injectable()
export class InvoiceQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly files: FilesService,
  ) {}

  async list(actor: Actor, query: InvoiceListQueryDto): Promise<Page<InvoiceDto>> {
    const qb = this.baseQuery(this.dataSource.manager);
    this.access.scope(qb, actor, 'invoice', 'invoice');
    whereEqual(qb, {
      'invoice.status': query.status,
      'invoice.agency_id': query.agencyId,
      'invoice.contract_id': query.contractId,
      'invoice.currency': query.currency,
    });
    whereBetween(qb, 'invoice.due_date', query.dueFrom, query.dueTo);
    if (query.overdue === true) {
      qb.andWhere("invoice.status = 'approved' AND invoice.due_date < :today", { today: todayIso() });
    } else if (query.overdue === false) {
      qb.andWhere("NOT (invoice.status = 'approved' AND invoice.due_date < :today)", { today: todayIso() });
    }
    whereSearch(qb, query.q, ['invoice.number']);
    return this.page(qb, query);
  }

  /** What waits for finance: to decide (submitted), approved but unpaid, and overdue for payment. */
  async queue(actor: Actor, query: FinanceQueueQueryDto): Promise<Page<InvoiceDto>> {
    const qb = this.baseQuery(this.dataSource.manager);
    this.access.scope(qb, actor, 'invoice', 'invoice');
    switch (query.queue) {
      case 'to_decide':
        qb.andWhere("invoice.status = 'submitted'");
        break;
      case 'awaiting_payment':
        qb.andWhere("invoice.status = 'approved'");
        break;
      case 'overdue':
        qb.andWhere("invoice.status = 'approved' AND invoice.due_date < :today", { today: todayIso() });
        break;
    }
    whereSearch(qb, query.q, ['invoice.number']);
    return this.page(qb, query);
  }

  async queueCounts(actor: Actor): Promise<FinanceQueueCountsDto> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select("count(*) FILTER (WHERE invoice.status = 'submitted')::int", 'toDecide')
      .addSelect("count(*) FILTER (WHERE invoice.status = 'approved')::int", 'awaitingPayment')
      .addSelect(
        "count(*) FILTER (WHERE invoice.status = 'approved' AND invoice.due_date < :today)::int",
        'overdue',
      )
      .from('invoices', 'invoice')
      .where("invoice.status IN ('submitted', 'approved')")
      .setParameter('today', todayIso());
    this.access.scope(qb, actor, 'invoice', 'invoice');
    const row = await qb.getRawOne<FinanceQueueCountsDto>();
    return {
      toDecide: row?.toDecide ?? 0,
      awaitingPayment: row?.awaitingPayment ?? 0,
      overdue: row?.overdue ?? 0,
    };
  }

  /** One invoice in a fixed number of queries: the invoice, its lines, its approvals. */
  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvoiceDetailDto> {
    const qb = this.baseQuery(manager).where('invoice.id = :id', { id });
    joinSome(qb, 'invoice.document', 'document', ['originalName', 'sizeBytes', 'sha256', 'createdAt']);
    joinSome(qb, 'invoice.rejecter', 'rejecter', PERSON);
    joinSome(qb, 'invoice.payer', 'payer', PERSON);
    joinSome(qb, 'invoice.withdrawer', 'withdrawer', PERSON);
    const invoice = await this.access.scope(qb, actor, 'invoice', 'invoice').getOne();
    if (!invoice) throw notFound('Invoice');
    const [lines, approvals] = await Promise.all([
      manager
        .getRepository(InvoiceLine)
        .createQueryBuilder('line')
        .leftJoin('line.deliverable', 'deliverable')
        .addSelect(['deliverable.id', 'deliverable.title', 'deliverable.briefId'])
        .leftJoin('line.goal', 'goal')
        .addSelect(['goal.id', 'goal.name'])
        .where('line.invoice_id = :id', { id })
        .orderBy('line.position', 'ASC')
        .getMany(),
      this.approvalsOf(manager, [id]),
    ]);
    const given = approvals.get(id) ?? [];
    return toInvoiceDetailDto(invoice, lines, given, allowedActions(actor, invoice, given));
  }

  async downloadDocument(actor: Actor, id: string, response: Response): Promise<StreamableFile> {
    const qb = this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('invoice')
      .leftJoinAndSelect('invoice.document', 'document')
      .where('invoice.id = :id', { id });
    const invoice = await this.access.scope(qb, actor, 'invoice', 'invoice').getOne();
    if (!invoice?.document) throw notFound('Invoice');
    return this.files.download(invoice.document, response);
  }

  private async page(
    qb: ReturnType<InvoiceQueriesService['baseQuery']>,
    query: InvoiceListQueryDto | FinanceQueueQueryDto,
  ): Promise<Page<InvoiceDto>> {
    const page = await paginate(qb, INVOICE_LIST, query);
    const approvals = await this.approvalsOf(
      this.dataSource.manager,
      page.rows.map((invoice) => invoice.id),
    );
    const today = todayIso();
    return toPage(page, (invoice) => toInvoiceDto(invoice, approvals.get(invoice.id)?.length ?? 0, today));
  }

  private async approvalsOf(manager: EntityManager, ids: string[]): Promise<Map<string, InvoiceApproval[]>> {
    const byInvoice = new Map<string, InvoiceApproval[]>();
    if (ids.length === 0) return byInvoice;
    const approvals = await manager
      .getRepository(InvoiceApproval)
      .createQueryBuilder('approval')
      .leftJoin('approval.approver', 'approver')
      .addSelect(['approver.id', 'approver.name', 'approver.email'])
      .where({ invoiceId: In(ids) })
      .orderBy('approval.approved_at', 'ASC')
      .getMany();
    for (const approval of approvals) {
      byInvoice.set(approval.invoiceId, [...(byInvoice.get(approval.invoiceId) ?? []), approval]);
    }
    return byInvoice;
  }

  /** An invoice with the fields of its agency, contract and submitter that its answer shows. */
  private baseQuery(manager: EntityManager) {
    const query = manager.getRepository(Invoice).createQueryBuilder('invoice');
    joinSome(query, 'invoice.agency', 'agency', ['name']);
    joinSome(query, 'invoice.contract', 'contract', ['reference', 'businessUnitId']);
    return joinSome(query, 'invoice.submitter', 'submitter', PERSON);
  }
}

/** The workflow's actions for the actor's role, less an approval the four-eyes rule refuses them. */
export function allowedActions(
  actor: Actor,
  invoice: Pick<Invoice, 'status' | 'submittedBy'>,
  approvals: readonly Pick<InvoiceApproval, 'approverId'>[],
): InvoiceAction[] {
  const refusal = approvalRefusal(actor.id, {
    submittedBy: invoice.submittedBy,
    approverIds: approvals.map((approval) => approval.approverId),
  });
  return invoiceActions(invoice.status, actor.role).filter(
    (action) => action !== 'approve' || refusal === null,
  );
}
