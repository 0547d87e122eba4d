import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import {
  ExchangeRateInputDto,
  ExchangeRateListQueryDto,
  ExchangeRatePage,
  ExchangeRateResponse,
  LedgerPage,
  LedgerQueryDto,
  SpendExportQueryDto,
  SpendLinePage,
  SpendLinesQueryDto,
  SpendReportQueryDto,
  SpendReportResponse,
  UpdateExchangeRateDto,
} from './dto/spend.dto';
import { ExchangeRatesService } from './exchange-rates.service';
import { LedgerService } from './ledger.service';
import { SpendExportService } from './spend-export.service';
import { SpendReportService } from './spend-report.service';

@ApiTags('spend')
@Controller('spend')
export class SpendController {
  constructor(
    private readonly reports: SpendReportService,
    private readonly exports: SpendExportService,
  ) {}

  @Get('report')
  @ApiOperation({
    description:
      "Net spend of invoice lines grouped by month, agency, goal, business unit or contract, per currency, with totals per currency, the covered contracts' budgets and an optional reporting-currency column at finance's rates.",
  })
  @RequirePermission('spend:read')
  report(@CurrentActor() actor: Actor, @Query() query: SpendReportQueryDto): Promise<SpendReportResponse> {
    return this.reports.report(actor, query);
  }

  @Get('lines')
  @ApiOperation({
    description:
      'The invoice lines behind the report or one of its rows (`month`, and the same filters), each with its invoice, deliverable and goal.',
  })
  @RequirePermission('invoice:read')
  lines(@CurrentActor() actor: Actor, @Query() query: SpendLinesQueryDto): Promise<SpendLinePage> {
    return this.reports.lines(actor, query);
  }

  @Get('export')
  @ApiOperation({
    description:
      'The report as CSV (summary or every line) or XLSX (a summary sheet and a lines sheet), streamed, with the filters and the export time in the file and amounts as numbers.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @RequirePermission('spend:read')
  export(
    @CurrentActor() actor: Actor,
    @Query() query: SpendExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.export(actor, query, response);
  }
}

@ApiTags('spend')
@Controller('budget-ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  @ApiOperation({
    description:
      'The budget ledger per contract, per contract and goal, or per business unit and currency: cap, committed, invoiced, approved, paid, remaining.',
  })
  @RequirePermission('spend:read')
  list(@CurrentActor() actor: Actor, @Query() query: LedgerQueryDto): Promise<LedgerPage> {
    return this.ledger.list(actor, query);
  }
}

@ApiTags('spend')
@Controller('exchange-rates')
export class ExchangeRatesController {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Get()
  @ApiOperation({ description: "Finance's exchange rates by month, newest first." })
  @RequirePermission('spend:read')
  list(@Query() query: ExchangeRateListQueryDto): Promise<ExchangeRatePage> {
    return this.rates.list(query);
  }

  @Get(':id')
  @ApiOperation({ description: 'One exchange rate.' })
  @RequirePermission('spend:read')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ExchangeRateResponse> {
    return this.rates.get(id);
  }

  @Post()
  @ApiOperation({
    description: 'Adds the rate of a currency for a month (one per currency, reporting currency and month).',
  })
  @RequirePermission('exchange_rate:manage')
  create(@CurrentActor() actor: Actor, @Body() body: ExchangeRateInputDto): Promise<ExchangeRateResponse> {
    return this.rates.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ description: 'Changes a rate; the audit log keeps the old one.' })
  @RequirePermission('exchange_rate:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateExchangeRateDto,
  ): Promise<ExchangeRateResponse> {
    return this.rates.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ description: 'Removes a rate; the audit log keeps it.' })
  @RequirePermission('exchange_rate:manage')
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rates.remove(actor, id);
  }
}
