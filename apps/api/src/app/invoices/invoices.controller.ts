import {
  Body,
  Controller,
  Headers,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
  type StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { UploadsFile } from '../files/discard-upload.interceptor';
import { requireReceived, type UploadedFile as Upload } from '../files/upload';
import {
  FinanceQueueCountsResponse,
  FinanceQueueQueryDto,
  InvoiceDetailResponse,
  InvoiceDocumentResponse,
  InvoiceDraftRequestDto,
  InvoiceDraftResponse,
  InvoiceListQueryDto,
  InvoicePage,
  PayInvoiceDto,
  RejectInvoiceDto,
  SubmitInvoiceDto,
} from './dto/invoice.dto';
import { InvoiceDecisionsService } from './invoice-decisions.service';
import { InvoiceDraftsService } from './invoice-drafts.service';
import { InvoiceQueriesService } from './invoice-queries.service';
import { InvoiceSubmissionService } from './invoice-submission.service';
import { Endpoint } from '../auth/endpoint';

@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly submission: InvoiceSubmissionService,
    private readonly decisions: InvoiceDecisionsService,
    private readonly queries: InvoiceQueriesService,
    private readonly drafts: InvoiceDraftsService,
  ) {}

  @Endpoint.get(
    '',
    'invoice:read',
    'Invoices the caller may see (an agency its own), filtered by status, agency, contract, currency, due dates or overdue; `q` searches the number.',
  )
  list(@CurrentActor() actor: Actor, @Query() query: InvoiceListQueryDto): Promise<InvoicePage> {
    return this.queries.list(actor, query);
  }

  @Endpoint.get(
    'finance-queue',
    'invoice:read',
    'What waits for finance: `to_decide` (submitted), `awaiting_payment` (approved, unpaid), `overdue` (approved and past due), oldest due first.',
  )
  queue(@CurrentActor() actor: Actor, @Query() query: FinanceQueueQueryDto): Promise<InvoicePage> {
    return this.queries.queue(actor, query);
  }

  @Endpoint.get(
    'finance-queue/counts',
    'invoice:read',
    'How many invoices wait in each of the finance queues.',
  )
  queueCounts(@CurrentActor() actor: Actor): Promise<FinanceQueueCountsResponse> {
    return this.queries.queueCounts(actor);
  }

  @Endpoint.post(
    'documents',
    'invoice:submit',
    "Uploads the agency's invoice PDF (multipart field `file`, checked by content); submit it with the invoice as `documentId`.",
  )
  @UploadsFile()
  uploadDocument(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Upload | undefined,
  ): Promise<InvoiceDocumentResponse> {
    return this.submission.recordDocument(actor, requireReceived(file));
  }

  @Endpoint.post(
    'draft',
    'invoice:submit',
    "Pay on approval: a proposed invoice (not stored) for the contract's approved deliverables that no live invoice bills, priced from the rate card.",
    200,
  )
  draft(@CurrentActor() actor: Actor, @Body() body: InvoiceDraftRequestDto): Promise<InvoiceDraftResponse> {
    return this.drafts.draft(actor, body);
  }

  @Endpoint.post(
    '',
    'invoice:submit',
    'Submits an invoice; net, tax and gross are computed here. With an Idempotency-Key, a retry with the same body answers the first answer (header Idempotent-Replayed: true) and creates nothing; the same key with another body is refused (422).',
  )
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A unique key per invoice (a UUID), kept at least 24 hours.',
  })
  @ApiResponse({ status: 201, type: InvoiceDetailResponse })
  async submit(
    @CurrentActor() actor: Actor,
    @Body() body: SubmitInvoiceDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InvoiceDetailResponse> {
    const answer = await this.submission.submit(actor, body, key);
    response.status(answer.status);
    if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Endpoint.get(
    ':id',
    'invoice:read',
    'One invoice with its lines (each traced to its deliverable and goal), checks, approvals and allowed actions.',
  )
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceDetailResponse> {
    return this.queries.get(actor, id);
  }

  @Endpoint.get(':id/document', 'invoice:read', "The agency's invoice PDF, as an attachment.")
  @ApiProduces('application/pdf')
  downloadDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.queries.downloadDocument(actor, id, response);
  }

  @Endpoint.post(
    ':id/approve',
    'invoice:decide',
    'Finance approves; above the currency threshold the first approval waits for a second, different approver. The submitter never approves. A lost race answers 409 with the current state.',
    200,
  )
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.approve(actor, id);
  }

  @Endpoint.post(
    ':id/reject',
    'invoice:decide',
    'Finance rejects a submitted invoice with a reason; its deliverables may be billed again.',
    200,
  )
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectInvoiceDto,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.reject(actor, id, body.reason);
  }

  @Endpoint.post(
    ':id/pay',
    'invoice:decide',
    'Finance marks an approved invoice paid, with the payment date and reference.',
    200,
  )
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PayInvoiceDto,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.pay(actor, id, body);
  }

  @Endpoint.post(
    ':id/withdraw',
    'invoice:submit',
    'The agency withdraws a submitted invoice; its deliverables may be billed again.',
    200,
  )
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.withdraw(actor, id);
  }
}
