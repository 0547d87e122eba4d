import { Injectable } from '@nestjs/common';
import type { InvoiceAction, InvoiceDetailDto, InvoiceStatus } from '@agency-portal/shared';
import { approvalRefusal, canDoInvoiceAction } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../common/db-errors';
import { DomainError, fieldError, forbidden, notFound } from '../common/errors/domain-error';
import { todayIso } from '../common/http/validators';
import { Contract } from '../contracts/contract.entity';
import { UnitOfWork } from '../database/unit-of-work';
import type { InvoiceFacts } from '../events/domain-events';
import { DomainEvents } from '../events/domain-events.service';
import { msg } from '../i18n/message';
import { LedgerService } from '../spend/ledger.service';
import type { PayInvoiceDto } from './dto/invoice.dto';
import { financeUserIds } from './finance-audience';
import { InvoiceQueriesService } from './invoice-queries.service';
import { Invoice, InvoiceApproval } from './invoice.entity';
import { invoiceSnapshot } from './invoice.mapper';

/** What a decision writes onto the invoice besides its status. */
type Changes = Partial<
  Pick<
    Invoice,
    | 'approvedAt'
    | 'rejectedBy'
    | 'rejectedAt'
    | 'rejectionReason'
    | 'paidBy'
    | 'paidAt'
    | 'paymentDate'
    | 'paymentReference'
    | 'withdrawnBy'
    | 'withdrawnAt'
  >
>;

/**
 * Finance decisions and the agency's withdrawal, each exactly once: the invoice row changes only
 * if it is still in the state and version the decision was taken on (a conditional UPDATE);
 * whoever finds it changed gets 409 with the current state and nothing of theirs is written.
 * Above the currency's threshold an approval counts only with a second, different approver.
 */
@Injectable()
export class InvoiceDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly queries: InvoiceQueriesService,
    private readonly ledger: LedgerService,
  ) {}

  async approve(actor: Actor, id: string): Promise<InvoiceDetailDto> {
    return this.decide(actor, id, 'approve', async (manager, invoice) => {
      const approvals = await manager.find(InvoiceApproval, { where: { invoiceId: id } });
      const refusal = approvalRefusal(actor.id, {
        submittedBy: invoice.submittedBy,
        approverIds: approvals.map((approval) => approval.approverId),
      });
      if (refusal) {
        throw new DomainError(
          'four_eyes_required',
          refusal === 'submitter'
            ? 'Whoever submitted an invoice cannot approve it.'
            : 'You have approved this invoice already; a second finance approver must give the other approval.',
        );
      }
      await manager.insert(InvoiceApproval, { invoiceId: id, approverId: actor.id });
      const count = approvals.length + 1;
      const final = count >= invoice.approvalsRequired;
      await this.transition(
        manager,
        invoice,
        final ? 'approved' : 'submitted',
        final ? { approvedAt: new Date() } : {},
      );
      await this.audit.record(manager, actor, {
        action: final ? 'invoice.approved' : 'invoice.approval_recorded',
        entity: 'invoice',
        entityId: id,
        before: { status: 'submitted', approvalCount: approvals.length },
        after: {
          status: final ? 'approved' : 'submitted',
          approvalCount: count,
          approvalsRequired: invoice.approvalsRequired,
        },
      });
      const facts = await this.facts(manager, invoice);
      if (final) {
        await this.tellAgency(manager, actor, invoice, facts, 'approved');
      } else {
        await this.events.publish(
          manager,
          {
            type: 'invoice.approval_recorded',
            payload: {
              ...facts,
              approverName: actor.name,
              approvalCount: count,
              approvalsRequired: invoice.approvalsRequired,
            },
            audience: { userIds: await financeUserIds(manager, actor.id) },
          },
          actor,
        );
      }
    });
  }

  async reject(actor: Actor, id: string, reason: string): Promise<InvoiceDetailDto> {
    return this.decide(actor, id, 'reject', async (manager, invoice, contract) => {
      await this.transition(manager, invoice, 'rejected', {
        rejectedBy: actor.id,
        rejectedAt: new Date(),
        rejectionReason: reason,
      });
      await this.record(manager, actor, invoice, 'invoice.rejected', 'submitted');
      await this.tellAgency(manager, actor, invoice, await this.facts(manager, invoice), 'rejected', reason);
      await this.ledger.announceThresholds(manager, contract, actor);
    });
  }

  async pay(actor: Actor, id: string, input: PayInvoiceDto): Promise<InvoiceDetailDto> {
    return this.decide(actor, id, 'pay', async (manager, invoice) => {
      if (input.paymentDate > todayIso())
        throw fieldError('paymentDate', 'The payment date cannot be in the future.');
      if (input.paymentDate < invoice.issueDate) {
        throw fieldError('paymentDate', 'The payment date cannot be before the invoice was issued.');
      }
      await this.transition(manager, invoice, 'paid', {
        paidBy: actor.id,
        paidAt: new Date(),
        paymentDate: input.paymentDate,
        paymentReference: input.reference,
      });
      await this.record(manager, actor, invoice, 'invoice.paid', 'approved');
      await this.tellAgency(manager, actor, invoice, await this.facts(manager, invoice), 'paid', null, input);
    });
  }

  async withdraw(actor: Actor, id: string): Promise<InvoiceDetailDto> {
    return this.decide(actor, id, 'withdraw', async (manager, invoice, contract) => {
      await this.transition(manager, invoice, 'withdrawn', {
        withdrawnBy: actor.id,
        withdrawnAt: new Date(),
      });
      await this.record(manager, actor, invoice, 'invoice.withdrawn', 'submitted');
      await this.events.publish(
        manager,
        {
          type: 'invoice.withdrawn',
          payload: { ...(await this.facts(manager, invoice)), withdrawnByName: actor.name },
          audience: { userIds: await financeUserIds(manager) },
        },
        actor,
      );
      await this.ledger.announceThresholds(manager, contract, actor);
    });
  }

  /**
   * One decision in one transaction: the invoice as the actor may see it (404 otherwise), the
   * contract locked (the order every change of the invoiced amount takes), the workflow's rule,
   * then the decision's own writes. A unique violation on the approvals means the same person
   * approved twice at once: that is the same conflict as any lost race.
   */
  private async decide(
    actor: Actor,
    id: string,
    action: InvoiceAction,
    work: (manager: EntityManager, invoice: Invoice, contract: Contract) => Promise<void>,
  ): Promise<InvoiceDetailDto> {
    try {
      return await this.uow.run(async (manager) => {
        const qb = manager
          .getRepository(Invoice)
          .createQueryBuilder('invoice')
          .where('invoice.id = :id', { id });
        const invoice = await this.access.scope(qb, actor, 'invoice', 'invoice').getOne();
        if (!invoice) throw notFound('Invoice');
        const contract = await this.uow.lockOne(manager, Contract, invoice.contractId, 'Contract');
        if (!canDoInvoiceAction(invoice.status, action, actor.role)) {
          if (!canDoInvoiceAction(statusFor(action), action, actor.role)) throw forbidden();
          throw conflict(invoice, await this.approvalCount(manager, id));
        }
        await work(manager, invoice, contract);
        return this.queries.get(actor, id, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'invoice_approvals_pkey')) {
        const current = await this.dataSource.manager.findOneBy(Invoice, { id });
        if (current) throw conflict(current, await this.approvalCount(this.dataSource.manager, id));
      }
      throw error;
    }
  }

  /** The conditional UPDATE: only from the status and version the decision read. */
  private async transition(
    manager: EntityManager,
    invoice: Invoice,
    to: InvoiceStatus,
    changes: Changes,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Invoice)
      .set({ ...changes, status: to, version: () => 'version + 1' })
      .where('id = :id AND status = :status AND version = :version', {
        id: invoice.id,
        status: invoice.status,
        version: invoice.version,
      })
      .execute();
    if (result.affected !== 1) {
      const current = await manager.findOneByOrFail(Invoice, { id: invoice.id });
      throw conflict(current, await this.approvalCount(manager, invoice.id));
    }
    Object.assign(invoice, changes, { status: to, version: invoice.version + 1 });
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    invoice: Invoice,
    action: string,
    from: InvoiceStatus,
  ): Promise<void> {
    await this.audit.record(manager, actor, {
      action,
      entity: 'invoice',
      entityId: invoice.id,
      before: { status: from, version: invoice.version - 1 },
      after: invoiceSnapshot(invoice),
    });
  }

  private async tellAgency(
    manager: EntityManager,
    actor: Actor,
    invoice: Invoice,
    facts: InvoiceFacts,
    decision: 'approved' | 'rejected' | 'paid',
    reason: string | null = null,
    payment: PayInvoiceDto | null = null,
  ): Promise<void> {
    await this.events.publish(
      manager,
      {
        type: 'invoice.decided',
        payload: {
          ...facts,
          decision,
          deciderName: actor.name,
          reason,
          paymentDate: payment?.paymentDate ?? null,
          paymentReference: payment?.reference ?? null,
        },
        audience: { agencyIds: [invoice.agencyId], userIds: [invoice.submittedBy] },
      },
      actor,
    );
  }

  private async facts(manager: EntityManager, invoice: Invoice): Promise<InvoiceFacts> {
    const rows: { reference: string; agency: string }[] = await manager.query(
      `SELECT c.reference, a.name AS agency FROM contracts c JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1`,
      [invoice.contractId],
    );
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      contractReference: rows[0]?.reference ?? '',
      agencyName: rows[0]?.agency ?? '',
      currency: invoice.currency,
      grossMinor: invoice.grossMinor,
    };
  }

  private async approvalCount(manager: EntityManager, id: string): Promise<number> {
    return manager.count(InvoiceApproval, { where: { invoiceId: id } });
  }
}

/** The status an action starts from, to tell "not yours to do" (403) from "too late" (409). */
function statusFor(action: InvoiceAction): InvoiceStatus {
  return action === 'pay' ? 'approved' : 'submitted';
}

function conflict(invoice: Invoice, approvalCount: number): DomainError {
  return new DomainError(
    'conflict',
    msg(
      'This invoice is {status, select, submitted {waiting for a decision} approved {approved} rejected {rejected} paid {paid} withdrawn {withdrawn} other {{status}}} now: someone else acted on it first.',
      { status: invoice.status },
    ),
    {
      current: {
        status: invoice.status,
        version: invoice.version,
        approvalCount,
        approvalsRequired: invoice.approvalsRequired,
      },
    },
  );
}
