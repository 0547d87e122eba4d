import { Inject, Injectable } from '@nestjs/common';
import type { InvoiceChecks, InvoiceDetailDto, InvoiceDocumentDto } from '@agency-portal/shared';
import { approvalsRequired, invoiceTotals, isValidQuantity } from '@agency-portal/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { type Actor, isAgencyActor } from '../auth/actor';
import { DomainError, fieldError, forbidden, invalidState, notFound } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { UnitOfWork, type UniqueViolations } from '../database/unit-of-work';
import { Contract, RateCardItem } from '../contracts/contract.entity';
import { DomainEvents } from '../events/domain-events.service';
import { FilesService } from '../files/files.service';
import type { ReceivedFile } from '../files/upload';
import { msg } from '../i18n/message';
import { LedgerService } from '../spend/ledger.service';
import type { InvoiceLineInputDto, SubmitInvoiceDto } from './dto/invoice.dto';
import {
  assertBillable,
  BillableDeliverables,
  defaultGoal,
  type BillableDeliverable,
} from './billable-deliverables';
import { financeUserIds } from './finance-audience';
import { IdempotencyService, type Answer } from './idempotency.service';
import { InvoiceQueriesService } from './invoice-queries.service';
import { Invoice, InvoiceLine } from './invoice.entity';
import { recordGoalTotals } from './invoice-goal-totals';
import { invoiceSnapshot, lineSnapshot } from './invoice.mapper';

/** Where invoice PDFs are kept; an unclaimed one is swept after a day (invoice-jobs.ts). */
export const INVOICE_DOCUMENT_PREFIX = 'invoices';

interface PricedLine {
  input: InvoiceLineInputDto;
  item: RateCardItem;
  unitPriceMinor: number;
  deliverable: BillableDeliverable | null;
  goalId: string;
}

const notLive = () => invalidState('Invoices can be submitted only against an active contract.');

/**
 * Submission of invoices by agencies: validates every line against the contract, its rate card,
 * its goals and the approved, unbilled deliverables; computes net, tax and gross in minor units;
 * records the checks finance sees; and drafts invoices from the billable deliverables (pay on
 * approval). One transaction per submission, with its audit record, its event and, behind an
 * Idempotency-Key, its stored answer.
 */
@Injectable()
export class InvoiceSubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly files: FilesService,
    private readonly idempotency: IdempotencyService,
    private readonly queries: InvoiceQueriesService,
    private readonly ledger: LedgerService,
    private readonly billable: BillableDeliverables,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async submit(
    actor: Actor,
    input: SubmitInvoiceDto,
    idempotencyKey: string | undefined,
  ): Promise<Answer<InvoiceDetailDto>> {
    const key = this.idempotency.keyOf(idempotencyKey);
    return this.idempotency.once(
      actor,
      key,
      input,
      201,
      async (manager) => {
        const id = await this.create(manager, actor, input);
        return this.queries.get(actor, id, manager);
      },
      SUBMISSION_UNIQUES,
    );
  }

  /** Records an uploaded invoice PDF (checked by content on the way in) for a later submission. */
  async recordDocument(actor: Actor, received: ReceivedFile): Promise<InvoiceDocumentDto> {
    try {
      return await this.uow.run(async (manager) => {
        const file = await this.files.record(manager, received, actor);
        await this.audit.record(manager, actor, {
          action: 'invoice_document.uploaded',
          entity: 'stored_file',
          entityId: file.id,
          after: { fileName: file.originalName, sha256: file.sha256, sizeBytes: file.sizeBytes },
        });
        return {
          id: file.id,
          fileName: file.originalName,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedAt: file.createdAt.toISOString(),
        };
      });
    } catch (error) {
      await this.files.discard(received);
      throw error;
    }
  }

  private async create(manager: EntityManager, actor: Actor, input: SubmitInvoiceDto): Promise<string> {
    if (!isAgencyActor(actor)) throw forbidden();
    // The contract row is the lock every change of its invoiced amount takes first (then the invoice).
    const contract = await this.visibleContract(manager, actor, input.contractId, true);
    if (input.currency !== contract.currency) {
      throw new DomainError(
        'currency_mismatch',
        msg("The invoice must be in the contract's currency, {currency}.", { currency: contract.currency }),
        {
          fields: [
            { field: 'currency', messages: [msg('Use {currency}.', { currency: contract.currency })] },
          ],
        },
      );
    }
    if (input.dueDate < input.issueDate) {
      throw fieldError('dueDate', 'The due date cannot be before the issue date.');
    }
    await this.requireDocument(manager, actor, input.documentId);
    const priced = await this.priceLines(manager, actor, contract, input.lines);
    const totals = invoiceTotals(
      priced.map((line) => ({ quantity: line.input.quantity, unitPriceMinor: line.unitPriceMinor })),
      contract.taxRateBp,
    );
    const ledger = await this.ledger.contractFigures(manager, contract.id);
    const remainingMinor = ledger?.remainingMinor ?? contract.budgetCapMinor;
    const specBilled = new Map<string, number>();
    const lines = priced.map((line, position) => {
      const deliverable = line.deliverable;
      let billedSpecQuantity: number | null = null;
      if (deliverable?.spec_id && deliverable.spec_quantity !== null) {
        const before = specBilled.get(deliverable.spec_id) ?? Number(deliverable.billed_of_spec);
        billedSpecQuantity = before + line.input.quantity;
        specBilled.set(deliverable.spec_id, billedSpecQuantity);
      }
      return manager.create(InvoiceLine, {
        position,
        rateCardItemId: line.item.id,
        itemCode: line.item.code,
        description: line.input.description || line.item.description,
        unit: line.item.unit,
        quantity: line.input.quantity,
        unitPriceMinor: line.unitPriceMinor,
        rateCardPriceMinor: line.item.unitPriceMinor,
        amountMinor: totals.lineAmountsMinor[position] ?? 0,
        deliverableId: deliverable?.id ?? null,
        goalId: line.goalId,
        specQuantity: deliverable?.spec_quantity ?? null,
        billedSpecQuantity,
      });
    });
    const checks: InvoiceChecks = {
      overBudget: totals.netMinor > remainingMinor ? { remainingMinor, netMinor: totals.netMinor } : null,
      priceDeviations: lines.filter((line) => line.unitPriceMinor !== line.rateCardPriceMinor).length,
      quantityBeyondSpec: lines.filter(
        (line) =>
          line.specQuantity !== null &&
          line.billedSpecQuantity !== null &&
          line.billedSpecQuantity > line.specQuantity,
      ).length,
    };
    const invoice = await manager.save(
      manager.create(Invoice, {
        agencyId: actor.agencyId,
        contractId: contract.id,
        number: input.number,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        currency: contract.currency,
        netMinor: totals.netMinor,
        taxRateBp: contract.taxRateBp,
        taxMinor: totals.taxMinor,
        grossMinor: totals.grossMinor,
        status: 'submitted',
        version: 0,
        approvalsRequired: approvalsRequired(
          totals.grossMinor,
          this.config.invoiceDualApprovalThresholds[contract.currency],
        ),
        documentId: input.documentId,
        notes: input.notes ?? '',
        checks,
        submittedBy: actor.id,
        approvedAt: null,
        rejectedBy: null,
        rejectedAt: null,
        rejectionReason: null,
        paidBy: null,
        paidAt: null,
        paymentDate: null,
        paymentReference: null,
        withdrawnBy: null,
        withdrawnAt: null,
      }),
    );
    for (const line of lines) line.invoiceId = invoice.id;
    await manager.insert(InvoiceLine, lines);
    await recordGoalTotals(manager, invoice.id);
    await this.audit.record(manager, actor, {
      action: 'invoice.submitted',
      entity: 'invoice',
      entityId: invoice.id,
      after: { ...invoiceSnapshot(invoice), checks, lines: lines.map(lineSnapshot) },
    });
    const agency = await manager.query<{ name: string }[]>('SELECT name FROM agencies WHERE id = $1', [
      actor.agencyId,
    ]);
    await this.events.publish(
      manager,
      {
        type: 'invoice.submitted',
        payload: {
          invoiceId: invoice.id,
          number: invoice.number,
          contractReference: contract.reference,
          agencyName: agency[0]?.name ?? '',
          currency: invoice.currency,
          grossMinor: invoice.grossMinor,
          submitterName: actor.name,
          dueDate: invoice.dueDate,
          approvalsRequired: invoice.approvalsRequired,
        },
        audience: { userIds: await financeUserIds(manager) },
      },
      actor,
    );
    await this.ledger.announceThresholds(manager, contract, actor);
    return invoice.id;
  }

  /** The actor's contract (404 outside their scope), active, optionally locked for the submission. */
  private async visibleContract(
    manager: EntityManager,
    actor: Actor,
    contractId: string,
    lock: boolean,
  ): Promise<Contract> {
    let contract: Contract | null;
    if (lock) contract = await this.uow.lockVisible(manager, actor, 'contract', Contract, contractId);
    else {
      const qb = manager
        .getRepository(Contract)
        .createQueryBuilder('contract')
        .where('contract.id = :contractId', {
          contractId,
        });
      contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    }
    if (!contract) throw notFound('Contract');
    if (contract.status !== 'active') throw notLive();
    return contract;
  }

  /** A PDF uploaded by someone of the actor's agency for an invoice, and not claimed by another one. */
  private async requireDocument(
    manager: EntityManager,
    actor: Actor & { agencyId: string },
    id: string,
  ): Promise<void> {
    const rows: { claimed: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM invoices i WHERE i.document_id = f.id) AS claimed
         FROM stored_files f JOIN users u ON u.id = f.uploaded_by
        WHERE f.id = $1 AND f.storage_key LIKE $2 AND u.agency_id = $3`,
      [id, `${INVOICE_DOCUMENT_PREFIX}/%`, actor.agencyId],
    );
    if (!rows[0])
      throw fieldError('documentId', 'Upload the invoice PDF first (POST /api/invoices/documents).');
    if (rows[0].claimed) throw fieldError('documentId', 'This PDF belongs to another invoice already.');
  }

  private async priceLines(
    manager: EntityManager,
    actor: Actor,
    contract: Contract,
    inputs: readonly InvoiceLineInputDto[],
  ): Promise<PricedLine[]> {
    const items = await manager.find(RateCardItem, {
      where: { contractId: contract.id, id: In(inputs.map((line) => line.rateCardItemId)) },
    });
    const deliverableIds = inputs.flatMap((line) => (line.deliverableId ? [line.deliverableId] : []));
    const deliverables = await this.billable.visible(manager, actor, deliverableIds);
    const goals = await this.billable.goalsOf(manager, contract.id);
    const seen = new Map<string, number>();
    return inputs.map((input, index) => {
      const field = (name: string) => `lines.${index}.${name}`;
      const item = items.find((candidate) => candidate.id === input.rateCardItemId);
      if (!item) throw fieldError(field('rateCardItemId'), 'The rate card item is not on this contract.');
      if (!isValidQuantity(input.quantity, item.unit)) {
        throw fieldError(
          field('quantity'),
          item.unit === 'deliverable'
            ? 'A deliverable is billed in whole units: the quantity must be a positive whole number.'
            : 'The quantity must be positive with at most two decimals.',
        );
      }
      let deliverable: BillableDeliverable | null = null;
      if (input.deliverableId) {
        const earlier = seen.get(input.deliverableId);
        if (earlier !== undefined) {
          throw fieldError(
            field('deliverableId'),
            msg('Line {line, number} bills this deliverable already.', { line: earlier + 1 }),
          );
        }
        seen.set(input.deliverableId, index);
        const found = deliverables.find((candidate) => candidate.id === input.deliverableId);
        deliverable = assertBillable(found, contract.id, field('deliverableId'));
      } else if (item.unit === 'deliverable') {
        throw fieldError(
          field('deliverableId'),
          'A deliverable item bills an approved deliverable: name it.',
        );
      }
      const goalId =
        input.goalId ?? (deliverable ? defaultGoal(deliverable, goals) : defaultGoal(null, goals));
      if (!goals.some((goal) => goal.goal_id === goalId)) {
        throw fieldError(field('goalId'), 'The goal is not one this contract serves.');
      }
      return {
        input,
        item,
        unitPriceMinor: input.unitPriceMinor ?? item.unitPriceMinor,
        deliverable,
        goalId,
      };
    });
  }
}

/** The database's last word on races: a number, a deliverable or a PDF taken by a concurrent submission. */
const SUBMISSION_UNIQUES: UniqueViolations = {
  invoices_agency_number_key: () =>
    new DomainError(
      'invoice_number_taken',
      'Your agency has already submitted an invoice with this number.',
      {
        fields: [{ field: 'number', messages: ['This number is taken by another of your invoices.'] }],
      },
    ),
  invoice_lines_billed_deliverable_key: () =>
    new DomainError('already_billed', 'Another invoice bills one of these deliverables already.'),
  invoices_document_id_key: () => fieldError('documentId', 'This PDF belongs to another invoice already.'),
};
