import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ExchangeRateDto,
  ExchangeRateInput,
  ExchangeRateListQuery,
  InvoiceStatus,
  LedgerLevel,
  LedgerQuery,
  LedgerRowDto,
  SpendConversionDto,
  SpendExportFormat,
  SpendExportView,
  SpendFilters,
  SpendGroup,
  SpendLineDto,
  SpendLinesQuery,
  SpendReportDto,
  SpendReportQuery,
  SpendRowDto,
  SpendTotalDto,
  UpdateExchangeRateRequest,
} from '@agency-portal/shared';
import {
  EXCHANGE_RATE_SORT_KEYS,
  INVOICE_STATUSES,
  LEDGER_LEVELS,
  LEDGER_SORT_KEYS,
  SPEND_EXPORT_FORMATS,
  SPEND_EXPORT_VIEWS,
  SPEND_GROUPS,
} from '@agency-portal/shared';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { IsCurrencyCode, IsIsoDate } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A positive decimal with up to 12 digits before and 12 after the point. */
const RATE = /^(?!0+(\.0+)?$)\d{1,12}(\.\d{1,12})?$/;

export class LedgerQueryDto extends ListQueryDto implements LedgerQuery {
  @ListSort(LEDGER_SORT_KEYS, 'name')
  override sort?: string;

  @ApiProperty({
    enum: LEDGER_LEVELS,
    description: 'Rows per contract, per contract and goal, or per unit and currency.',
  })
  @IsIn(LEDGER_LEVELS)
  level!: LedgerLevel;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @IsOptional()
  @IsUUID()
  goalId?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: 'KRW' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}

export class LedgerRowResponse implements LedgerRowDto {
  id!: string;
  @ApiProperty({ enum: LEDGER_LEVELS })
  level!: LedgerLevel;
  @ApiProperty({ type: String, nullable: true })
  contractId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  contractReference!: string | null;
  @ApiProperty({ type: String, nullable: true })
  agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  goalId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  goalName!: string | null;
  businessUnitId!: string;
  businessUnitName!: string;
  @ApiProperty({ type: Number, nullable: true })
  allocationPercent!: number | null;
  currency!: string;
  capMinor!: number;
  committedMinor!: number;
  invoicedMinor!: number;
  approvedMinor!: number;
  paidMinor!: number;
  remainingMinor!: number;
}

export class LedgerPage extends PageOf(LedgerRowResponse, 'LedgerPage') {}

export class ExchangeRateInputDto implements ExchangeRateInput {
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM' })
  @Matches(MONTH)
  month!: string;

  @ApiProperty({ example: 'KRW' })
  @IsCurrencyCode()
  currency!: string;

  @ApiProperty({ example: 'USD' })
  @IsCurrencyCode()
  reportingCurrency!: string;

  @ApiProperty({
    example: '0.000731',
    description: 'Units of the reporting currency for one unit of the currency.',
  })
  @Matches(RATE)
  rate!: string;
}

export class UpdateExchangeRateDto implements UpdateExchangeRateRequest {
  @ApiProperty({ example: '0.000731' })
  @Matches(RATE)
  rate!: string;
}

export class ExchangeRateListQueryDto extends ListQueryDto implements ExchangeRateListQuery {
  @ListSort(EXCHANGE_RATE_SORT_KEYS, '-month')
  override sort?: string;

  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @IsOptional()
  @IsCurrencyCode()
  reportingCurrency?: string;

  @ApiPropertyOptional({ example: '2026-01' })
  @IsOptional()
  @Matches(MONTH)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12' })
  @IsOptional()
  @Matches(MONTH)
  to?: string;
}

export class ExchangeRateResponse implements ExchangeRateDto {
  id!: string;
  @ApiProperty({ format: 'date' })
  month!: string;
  currency!: string;
  reportingCurrency!: string;
  rate!: string;
  updatedBy!: UserRefResponse;
  updatedAt!: string;
}

export class ExchangeRatePage extends PageOf(ExchangeRateResponse, 'ExchangeRatePage') {}

export class SpendFiltersDto implements SpendFilters {
  @ApiPropertyOptional({ format: 'date', description: 'Issue date from (inclusive).' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Issue date to (inclusive).' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @IsOptional()
  @IsUUID()
  goalId?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({ enum: INVOICE_STATUSES, description: 'One status; the live ones when omitted.' })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ example: 'KRW' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}

export class SpendReportQueryDto extends SpendFiltersDto implements SpendReportQuery {
  @ApiProperty({ enum: SPEND_GROUPS })
  @IsIn(SPEND_GROUPS)
  groupBy!: SpendGroup;

  @ApiPropertyOptional({ example: 'USD', description: "Adds a column converted at finance's monthly rates." })
  @IsOptional()
  @IsCurrencyCode()
  reportingCurrency?: string;
}

export class SpendExportQueryDto extends SpendReportQueryDto {
  @ApiProperty({ enum: SPEND_EXPORT_FORMATS })
  @IsIn(SPEND_EXPORT_FORMATS)
  format!: SpendExportFormat;

  @ApiPropertyOptional({
    enum: SPEND_EXPORT_VIEWS,
    description: 'CSV: the grouped rows (summary, default) or every line. XLSX holds both sheets.',
  })
  @IsOptional()
  @IsIn(SPEND_EXPORT_VIEWS)
  view?: SpendExportView;
}

export class SpendLinesQueryDto extends ListQueryDto implements SpendLinesQuery {
  @ListSort(['issueDate'], '-issueDate')
  override sort?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'The month of a report row (YYYY-MM).' })
  @IsOptional()
  @Matches(MONTH)
  month?: string;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @IsOptional()
  @IsUUID()
  goalId?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}

export class SpendConversionResponse implements SpendConversionDto {
  currency!: string;
  @ApiProperty({ type: Number, nullable: true })
  amountMinor!: number | null;
  @ApiProperty({ type: Object, isArray: true, description: '{ month, rate } with rate null when missing.' })
  rates!: { month: string; rate: string | null }[];
  missingRate!: boolean;
}

export class SpendRowResponse implements SpendRowDto {
  key!: string;
  label!: string;
  currency!: string;
  lineCount!: number;
  invoiceCount!: number;
  amountMinor!: number;
  approvedMinor!: number;
  paidMinor!: number;
  @ApiProperty({ type: SpendConversionResponse, nullable: true })
  reporting!: SpendConversionResponse | null;
}

export class SpendTotalResponse implements SpendTotalDto {
  currency!: string;
  lineCount!: number;
  invoiceCount!: number;
  amountMinor!: number;
  approvedMinor!: number;
  paidMinor!: number;
  budgetCapMinor!: number;
  committedMinor!: number;
}

export class SpendReportResponse implements SpendReportDto {
  @ApiProperty({ enum: SPEND_GROUPS })
  groupBy!: SpendGroup;
  filters!: SpendFiltersDto;
  @ApiProperty({ type: [SpendRowResponse] })
  rows!: SpendRowResponse[];
  @ApiProperty({ type: [SpendTotalResponse] })
  totals!: SpendTotalResponse[];
  @ApiProperty({ type: String, nullable: true })
  reportingCurrency!: string | null;
  @ApiProperty({ type: Number, nullable: true })
  reportingTotalMinor!: number | null;
  truncated!: boolean;
}

export class SpendLineResponse implements SpendLineDto {
  lineId!: string;
  invoiceId!: string;
  invoiceNumber!: string;
  @ApiProperty({ enum: INVOICE_STATUSES })
  invoiceStatus!: InvoiceStatus;
  @ApiProperty({ format: 'date' })
  issueDate!: string;
  agencyId!: string;
  agencyName!: string;
  contractId!: string;
  contractReference!: string;
  businessUnitId!: string;
  goalId!: string;
  goalName!: string;
  @ApiProperty({ type: String, nullable: true })
  deliverableId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  deliverableTitle!: string | null;
  itemCode!: string;
  description!: string;
  quantity!: number;
  unitPriceMinor!: number;
  amountMinor!: number;
  currency!: string;
}

export class SpendLinePage extends PageOf(SpendLineResponse, 'SpendLinePage') {}
