import type {
  ContractDetailDto,
  ContractDto,
  InvoiceDetailDto,
  InvoiceDocumentDto,
  Page,
  SubmitInvoiceRequest,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { demoPdf } from '../../src/app/seed/demo-pdf';
import { bearer, type TestApp } from './test-app';
import { acceptedBrief } from './work';

export const INVOICE_PDF = demoPdf(['Invoice', 'Demo agency']);

/** A demo contract by the end of its reference (`KR-01`), as the social lead reads it. */
export async function contractBySuffix(t: TestApp, lead: string, suffix: string): Promise<ContractDetailDto> {
  const list = await t.http().get(`/api/contracts?q=${suffix}&limit=100`).set(bearer(lead));
  const found = (list.body as Page<ContractDto>).items.find((contract) =>
    contract.reference.endsWith(suffix),
  );
  if (!found) throw new Error(`no contract ${suffix}`);
  return (await t.http().get(`/api/contracts/${found.id}`).set(bearer(lead))).body as ContractDetailDto;
}

/** Uploads an invoice PDF as the agency user; returns its document id. */
export async function uploadInvoicePdf(
  t: TestApp,
  agency: string,
  bytes: Buffer = INVOICE_PDF,
): Promise<string> {
  const response = await t
    .http()
    .post('/api/invoices/documents')
    .set(bearer(agency))
    .attach('file', bytes, { filename: 'invoice.pdf', contentType: 'application/pdf' });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as InvoiceDocumentDto).id;
}

/**
 * Deliverables of a new brief on the contract (from its first rate card item, `count` of them),
 * marked approved the way the last review step leaves them: the review itself is tested elsewhere.
 */
export async function approvedDeliverables(
  t: TestApp,
  contract: ContractDetailDto,
  who: { lead: string; agency: string },
  count: number,
  title = 'Billable work',
): Promise<string[]> {
  const item = contract.rateCard.find((entry) => entry.unit === 'deliverable') ?? contract.rateCard[0];
  const brief = await acceptedBrief(t, contract, who, {
    title,
    specs: [{ rateCardItemId: item.id, quantity: count, dueDate: '2031-05-20', channel: 'instagram' }],
  });
  const ids = brief.deliverables.map((deliverable) => deliverable.id);
  await t.dataSource.query(`UPDATE deliverables SET status = 'approved' WHERE id = ANY($1)`, [ids]);
  return ids;
}

let numbers = 0;

/** A valid submission body for the deliverables (priced from the rate card unless told). */
export function invoiceBody(
  contract: ContractDetailDto,
  documentId: string,
  deliverableIds: string[],
  overrides: Partial<SubmitInvoiceRequest> = {},
): SubmitInvoiceRequest {
  const item = contract.rateCard.find((entry) => entry.unit === 'deliverable') ?? contract.rateCard[0];
  numbers += 1;
  return {
    contractId: contract.id,
    number: `INV-${process.pid}-${numbers}`,
    issueDate: '2026-01-05',
    dueDate: '2026-02-04',
    currency: contract.currency,
    documentId,
    lines: deliverableIds.map((deliverableId) => ({ rateCardItemId: item.id, quantity: 1, deliverableId })),
    ...overrides,
  };
}

export function submit(t: TestApp, agency: string, body: object, key?: string): Promise<Response> {
  const request = t.http().post('/api/invoices').set(bearer(agency));
  if (key) request.set('Idempotency-Key', key);
  return request.send(body);
}

/** Submits and expects 201. */
export async function submitted(t: TestApp, agency: string, body: object): Promise<InvoiceDetailDto> {
  const response = await submit(t, agency, body);
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as InvoiceDetailDto;
}
