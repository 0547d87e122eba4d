import { Injectable } from '@nestjs/common';
import type { InvoiceDraftDto } from '@agency-portal/shared';
import { invoiceTotals, lineAmountMinor, MAX_INVOICE_LINES } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { invalidState, notFound } from '../common/errors/domain-error';
import { Contract, RateCardItem } from '../contracts/contract.entity';
import { assertBillable, BillableDeliverables, defaultGoal } from './billable-deliverables';
import type { InvoiceDraftRequestDto } from './dto/invoice.dto';

/** Pay on approval: invoices proposed from the approved deliverables nobody has billed yet. */
@Injectable()
export class InvoiceDraftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly billable: BillableDeliverables,
  ) {}

  /**
   * Pay on approval: an invoice priced from the rate card for the contract's approved deliverables
   * that no live invoice bills yet (or the chosen ones), each line with its brief's goal. Nothing
   * is stored; the agency edits it and submits it.
   */
  async draft(actor: Actor, input: InvoiceDraftRequestDto): Promise<InvoiceDraftDto> {
    const manager = this.dataSource.manager;
    const qb = manager.getRepository(Contract).createQueryBuilder('contract').where('contract.id = :id', {
      id: input.contractId,
    });
    const contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    if (!contract) throw notFound('Contract');
    if (contract.status !== 'active')
      throw invalidState('Invoices can be submitted only against an active contract.');
    const candidates = input.deliverableIds
      ? await this.billable.visible(manager, actor, input.deliverableIds)
      : await this.billable.billableOf(manager, actor, contract.id);
    input.deliverableIds?.forEach((id, index) => {
      const found = candidates.find((candidate) => candidate.id === id);
      assertBillable(found, contract.id, `deliverableIds.${index}`);
    });
    const chosen = candidates.slice(0, MAX_INVOICE_LINES);
    const items = await manager.find(RateCardItem, { where: { contractId: contract.id } });
    const goals = await this.billable.goalsOf(manager, contract.id);
    const lines = chosen.flatMap((deliverable) => {
      const item = items.find((candidate) => candidate.id === deliverable.spec_item_id);
      if (!item) return [];
      const goalId = defaultGoal(deliverable, goals);
      return [
        {
          rateCardItemId: item.id,
          itemCode: item.code,
          description: item.description,
          unit: item.unit,
          quantity: 1,
          unitPriceMinor: item.unitPriceMinor,
          amountMinor: lineAmountMinor(1, item.unitPriceMinor),
          deliverableId: deliverable.id,
          deliverableTitle: deliverable.title,
          briefId: deliverable.brief_id,
          goalId,
          goalName: goals.find((goal) => goal.goal_id === goalId)?.name ?? '',
        },
      ];
    });
    const totals = invoiceTotals(lines, contract.taxRateBp);
    const total = input.deliverableIds
      ? chosen.length
      : await this.billable.billableCount(manager, actor, contract.id);
    return {
      contractId: contract.id,
      contractReference: contract.reference,
      currency: contract.currency,
      taxRateBp: contract.taxRateBp,
      lines,
      netMinor: totals.netMinor,
      taxMinor: totals.taxMinor,
      grossMinor: totals.grossMinor,
      remainingDeliverables: Math.max(0, total - lines.length),
    };
  }
}
