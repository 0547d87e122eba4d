import {
  Body,
  Controller,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
  type StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { UploadsFile } from '../files/discard-upload.interceptor';
import { requireReceived, type UploadedFile as Upload } from '../files/upload';
import { ContractDocumentsService } from './contract-documents.service';
import { ContractLifecycleService } from './contract-lifecycle.service';
import { ContractTermsService } from './contract-terms.service';
import { ContractsService } from './contracts.service';
import {
  ContractDetailResponse,
  ContractListQueryDto,
  ContractPage,
  CreateContractDto,
  TerminateContractDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly terms: ContractTermsService,
    private readonly lifecycle: ContractLifecycleService,
    private readonly documents: ContractDocumentsService,
  ) {}

  @Endpoint.get(
    '',
    'contract:read',
    'Contracts the caller may see, filtered by agency, unit, status or goal.',
  )
  list(@CurrentActor() actor: Actor, @Query() query: ContractListQueryDto): Promise<ContractPage> {
    return this.contracts.list(actor, query);
  }

  @Endpoint.get(
    ':id',
    'contract:read',
    'One contract with its rate card, allocations and budget; agencies never see internal notes.',
  )
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractDetailResponse> {
    return this.contracts.get(actor, id);
  }

  @Endpoint.post('', 'contract:manage', 'Creates a draft contract with its rate card and goal allocations.')
  create(@CurrentActor() actor: Actor, @Body() body: CreateContractDto): Promise<ContractDetailResponse> {
    return this.terms.create(actor, body);
  }

  @Endpoint.patch(
    ':id',
    'contract:manage',
    'Edits a contract; once active only some terms change, and budget and rate card changes are audited.',
  )
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContractDto,
  ): Promise<ContractDetailResponse> {
    return this.terms.update(actor, id, body);
  }

  @Endpoint.post(
    ':id/activate',
    'contract:manage',
    'Activates a draft contract that has its signed document.',
    200,
  )
  activate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContractDetailResponse> {
    return this.lifecycle.activate(actor, id);
  }

  @Endpoint.post(
    ':id/terminate',
    'contract:manage',
    'Terminates an active contract with a reason; the agency is notified.',
    200,
  )
  terminate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TerminateContractDto,
  ): Promise<ContractDetailResponse> {
    return this.lifecycle.terminate(actor, id, body.reason);
  }

  @Endpoint.put(
    ':id/document',
    'contract:manage',
    'Uploads the signed PDF (multipart field `file`), checked by content and size.',
  )
  @UploadsFile()
  uploadDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Upload | undefined,
  ): Promise<ContractDetailResponse> {
    return this.documents.attachSignedDocument(actor, id, requireReceived(file));
  }

  @Endpoint.get(':id/document', 'contract:read', 'The signed PDF, as an attachment.')
  @ApiProduces('application/pdf')
  downloadDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.documents.downloadSignedDocument(actor, id, response);
  }
}
