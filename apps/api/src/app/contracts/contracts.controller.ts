import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  type StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { DiscardUploadOnErrorInterceptor } from '../files/discard-upload.interceptor';
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

  @Get()
  @ApiOperation({ description: 'Contracts the caller may see, filtered by agency, unit, status or goal.' })
  @RequirePermission('contract:read')
  list(@CurrentActor() actor: Actor, @Query() query: ContractListQueryDto): Promise<ContractPage> {
    return this.contracts.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({
    description:
      'One contract with its rate card, allocations and budget; agencies never see internal notes.',
  })
  @RequirePermission('contract:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractDetailResponse> {
    return this.contracts.get(actor, id);
  }

  @Post()
  @ApiOperation({ description: 'Creates a draft contract with its rate card and goal allocations.' })
  @RequirePermission('contract:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateContractDto): Promise<ContractDetailResponse> {
    return this.terms.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    description:
      'Edits a contract; once active only some terms change, and budget and rate card changes are audited.',
  })
  @RequirePermission('contract:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContractDto,
  ): Promise<ContractDetailResponse> {
    return this.terms.update(actor, id, body);
  }

  @Post(':id/activate')
  @ApiOperation({ description: 'Activates a draft contract that has its signed document.' })
  @HttpCode(200)
  @RequirePermission('contract:manage')
  activate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContractDetailResponse> {
    return this.lifecycle.activate(actor, id);
  }

  @Post(':id/terminate')
  @ApiOperation({ description: 'Terminates an active contract with a reason; the agency is notified.' })
  @HttpCode(200)
  @RequirePermission('contract:manage')
  terminate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TerminateContractDto,
  ): Promise<ContractDetailResponse> {
    return this.lifecycle.terminate(actor, id, body.reason);
  }

  @Put(':id/document')
  @ApiOperation({
    description: 'Uploads the signed PDF (multipart field `file`), checked by content and size.',
  })
  @RequirePermission('contract:manage')
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
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Upload | undefined,
  ): Promise<ContractDetailResponse> {
    return this.documents.attachSignedDocument(actor, id, requireReceived(file));
  }

  @Get(':id/document')
  @ApiOperation({ description: 'The signed PDF, as an attachment.' })
  @RequirePermission('contract:read')
  @ApiProduces('application/pdf')
  downloadDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.documents.downloadSignedDocument(actor, id, response);
  }
}
