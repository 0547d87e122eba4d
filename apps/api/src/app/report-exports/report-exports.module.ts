import { Module } from '@nestjs/common';
import { ReportExportService } from './report-export.service';

/**
 * Reports as files: typed tables and a header block (report-document.ts) written as CSV, XLSX and
 * PDF in the reader's language. A report module imports this and adds an adapter from its
 * service's answer to a ReportDocument.
 */
@Module({ providers: [ReportExportService], exports: [ReportExportService] })
export class ReportExportsModule {}
