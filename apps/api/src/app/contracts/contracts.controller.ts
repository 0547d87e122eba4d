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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { DiscardUploadOnErrorInterceptor } from '../files/discard-upload.interceptor';
import { requireReceived, type UploadedFile as Upload } from '../files/upload';
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
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @RequirePermission('contract:read')
  list(@CurrentActor() actor: Actor, @Query() query: ContractListQueryDto): Promise<ContractPage> {
    return this.contracts.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('contract:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractDetailResponse> {
    return this.contracts.get(actor, id);
  }

  /** Creates a draft contract with its rate card and goal allocations. */
  @Post()
  @RequirePermission('contract:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateContractDto): Promise<ContractDetailResponse> {
    return this.contracts.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('contract:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContractDto,
  ): Promise<ContractDetailResponse> {
    return this.contracts.update(actor, id, body);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('contract:manage')
  activate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContractDetailResponse> {
    return this.contracts.activate(actor, id);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @RequirePermission('contract:manage')
  terminate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TerminateContractDto,
  ): Promise<ContractDetailResponse> {
    return this.contracts.terminate(actor, id, body.reason);
  }

  /** Uploads the signed PDF (multipart field `file`), checked by content and size. */
  @Put(':id/document')
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
    return this.contracts.attachSignedDocument(actor, id, requireReceived(file));
  }

  /** The signed PDF, as an attachment. */
  @Get(':id/document')
  @RequirePermission('contract:read')
  @ApiProduces('application/pdf')
  downloadDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.contracts.downloadSignedDocument(actor, id, response);
  }
}
