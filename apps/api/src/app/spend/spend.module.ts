import { Module } from '@nestjs/common';
import { ReportExportsModule } from '../report-exports/report-exports.module';
import { ExchangeRatesService } from './exchange-rates.service';
import { LedgerService } from './ledger.service';
import { SpendExportService } from './spend-export.service';
import { SpendReportService } from './spend-report.service';
import { ExchangeRatesController, LedgerController, SpendController } from './spend.controller';

@Module({
  imports: [ReportExportsModule],
  controllers: [SpendController, LedgerController, ExchangeRatesController],
  providers: [LedgerService, SpendReportService, SpendExportService, ExchangeRatesService],
  exports: [LedgerService],
})
export class SpendModule {}
