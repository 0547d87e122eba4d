import { Module } from '@nestjs/common';
import { LongReads } from '../database/long-read';
import { ExchangeRatesService } from './exchange-rates.service';
import { LedgerService } from './ledger.service';
import { SpendExportService } from './spend-export.service';
import { SpendReportService } from './spend-report.service';
import { ExchangeRatesController, LedgerController, SpendController } from './spend.controller';

@Module({
  controllers: [SpendController, LedgerController, ExchangeRatesController],
  providers: [LongReads, LedgerService, SpendReportService, SpendExportService, ExchangeRatesService],
  exports: [LedgerService],
})
export class SpendModule {}
