import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  type StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { DiscardUploadOnErrorInterceptor } from '../files/discard-upload.interceptor';
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

@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly submission: InvoiceSubmissionService,
    private readonly decisions: InvoiceDecisionsService,
    private readonly queries: InvoiceQueriesService,
    private readonly drafts: InvoiceDraftsService,
  ) {}

  @Get()
  @ApiOperation({
    description:
      'Invoices the caller may see (an agency its own), filtered by status, agency, contract, currency, due dates or overdue; `q` searches the number.',
  })
  @RequirePermission('invoice:read')
  list(@CurrentActor() actor: Actor, @Query() query: InvoiceListQueryDto): Promise<InvoicePage> {
    return this.queries.list(actor, query);
  }

  @Get('finance-queue')
  @ApiOperation({
    description:
      'What waits for finance: `to_decide` (submitted), `awaiting_payment` (approved, unpaid), `overdue` (approved and past due), oldest due first.',
  })
  @RequirePermission('invoice:read')
  queue(@CurrentActor() actor: Actor, @Query() query: FinanceQueueQueryDto): Promise<InvoicePage> {
    return this.queries.queue(actor, query);
  }

  @Get('finance-queue/counts')
  @ApiOperation({ description: 'How many invoices wait in each of the finance queues.' })
  @RequirePermission('invoice:read')
  queueCounts(@CurrentActor() actor: Actor): Promise<FinanceQueueCountsResponse> {
    return this.queries.queueCounts(actor);
  }

  @Post('documents')
  @ApiOperation({
    description:
      "Uploads the agency's invoice PDF (multipart field `file`, checked by content); submit it with the invoice as `documentId`.",
  })
  @RequirePermission('invoice:submit')
  @UseInterceptors(FileInterceptor('file'), DiscardUploadOnErrorInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  uploadDocument(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Upload | undefined,
  ): Promise<InvoiceDocumentResponse> {
    return this.submission.recordDocument(actor, requireReceived(file));
  }

  @Post('draft')
  @HttpCode(200)
  @ApiOperation({
    description:
      "Pay on approval: a proposed invoice (not stored) for the contract's approved deliverables that no live invoice bills, priced from the rate card.",
  })
  @RequirePermission('invoice:submit')
  draft(@CurrentActor() actor: Actor, @Body() body: InvoiceDraftRequestDto): Promise<InvoiceDraftResponse> {
    return this.drafts.draft(actor, body);
  }

  @Post()
  @ApiOperation({
    description:
      'Submits an invoice; net, tax and gross are computed here. With an Idempotency-Key, a retry with the same body answers the first answer (header Idempotent-Replayed: true) and creates nothing; the same key with another body is refused (422).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A unique key per invoice (a UUID), kept at least 24 hours.',
  })
  @ApiResponse({ status: 201, type: InvoiceDetailResponse })
  @RequirePermission('invoice:submit')
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

  @Get(':id')
  @ApiOperation({
    description:
      'One invoice with its lines (each traced to its deliverable and goal), checks, approvals and allowed actions.',
  })
  @RequirePermission('invoice:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceDetailResponse> {
    return this.queries.get(actor, id);
  }

  @Get(':id/document')
  @ApiOperation({ description: "The agency's invoice PDF, as an attachment." })
  @ApiProduces('application/pdf')
  @RequirePermission('invoice:read')
  downloadDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.queries.downloadDocument(actor, id, response);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    description:
      'Finance approves; above the currency threshold the first approval waits for a second, different approver. The submitter never approves. A lost race answers 409 with the current state.',
  })
  @RequirePermission('invoice:decide')
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    description: 'Finance rejects a submitted invoice with a reason; its deliverables may be billed again.',
  })
  @RequirePermission('invoice:decide')
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectInvoiceDto,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.reject(actor, id, body.reason);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @ApiOperation({
    description: 'Finance marks an approved invoice paid, with the payment date and reference.',
  })
  @RequirePermission('invoice:decide')
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PayInvoiceDto,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.pay(actor, id, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    description: 'The agency withdraws a submitted invoice; its deliverables may be billed again.',
  })
  @RequirePermission('invoice:submit')
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvoiceDetailResponse> {
    return this.decisions.withdraw(actor, id);
  }
}
