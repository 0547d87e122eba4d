import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { msg } from '../i18n/message';
import type { ReportChart, ReportColumn, ReportDocument, ReportTable } from './report-document';
import { loadedReportFonts } from './report-fonts';
import type { ReportFormat } from './report-format';

const MARGIN = 40;
const INK = '#1f2328';
const MUTED = '#59636e';
const RULE = '#d1d9e0';
const ACTUAL = '#0969da';
/**
 * Rows a PDF table prints (setting each row costs tens of milliseconds); the CSV and XLSX files
 * of the same report carry up to EXPORT_MAX_ROWS.
 */
export const PDF_MAX_ROWS = 300;
const TARGET = '#8c959f';

type Pdf = PDFKit.PDFDocument;

/**
 * A report as an A4 PDF (pdfkit) in the reader's language: the header block, the chart (actual
 * against target), then each table, numbers, money and dates in the reader's locale. Text is set
 * in Pretendard, embedded as a subset, so Hangul and Latin print alike and the text stays text
 * (searchable, copyable).
 */
export async function writePdf(report: ReportDocument, format: ReportFormat, out: Writable): Promise<void> {
  const fonts = loadedReportFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: format.locale,
    displayTitle: true,
    info: {
      Title: `${format.t(report.title)}: ${format.subject(report)}`,
      Author: report.reader.name,
      Creator: 'Agency Portal',
      CreationDate: report.exportedAt,
    },
  });
  const done = pipeline(pdf, out);
  // pdfkit takes a fontkit font as it is (its types name paths and buffers only).
  pdf.registerFont('regular', fonts.regular as unknown as string);
  pdf.registerFont('bold', fonts.bold as unknown as string);

  pdf.font('bold').fontSize(16).fillColor(INK).text(format.subject(report));
  pdf.font('regular').fontSize(10).fillColor(MUTED).text(format.t(report.title));
  pdf.moveDown(0.6);
  for (const [label, value] of format.headerBlock(report).slice(1)) {
    pdf.font('bold').fontSize(8.5).fillColor(INK);
    if (label) pdf.text(`${label}  `, { continued: true });
    pdf
      .font('regular')
      .fillColor(label ? INK : MUTED)
      .text(value);
  }
  if (report.chart) drawChart(pdf, report.chart, format);
  for (const table of report.tables) drawTable(pdf, table, format);

  // Page numbers, once every page exists.
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    pdf
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        format.t(msg('Page {page} of {pages}', { page: index + 1, pages: range.count })),
        MARGIN,
        pdf.page.height - MARGIN + 12,
        { width: pdf.page.width - 2 * MARGIN, align: 'right', lineBreak: false },
      );
  }
  pdf.end();
  await done;
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - 2 * MARGIN;
}

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
}

function heading(pdf: Pdf, text: string): void {
  ensureRoom(pdf, 60);
  pdf.moveDown(1);
  pdf.font('bold').fontSize(11).fillColor(INK).text(text, MARGIN);
  pdf.moveDown(0.3);
}

/** The KPI chart: cumulative actual (solid) against the planned line to the target (dashed). */
function drawChart(pdf: Pdf, chart: ReportChart, format: ReportFormat): void {
  heading(pdf, format.t(chart.title));
  const height = 170;
  ensureRoom(pdf, height + 40);
  const left = MARGIN + 52;
  const top = pdf.y + 4;
  const width = contentWidth(pdf) - 60;
  const values = chart.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...values);
  const count = Math.max(1, chart.dates.length - 1);
  const x = (index: number) => left + (index / count) * width;
  const y = (value: number) => top + height - (value / max) * height;

  pdf.font('regular').fontSize(7).fillColor(MUTED).lineWidth(0.5).strokeColor(RULE);
  for (let step = 0; step <= 4; step++) {
    const value = (max * step) / 4;
    pdf
      .moveTo(left, y(value))
      .lineTo(left + width, y(value))
      .stroke();
    pdf.text(format.number(value), MARGIN, y(value) - 4, { width: 48, align: 'right', lineBreak: false });
  }
  const labels = Math.min(6, chart.dates.length);
  for (let n = 0; n < labels; n++) {
    const index = labels === 1 ? 0 : Math.round((n * (chart.dates.length - 1)) / (labels - 1));
    const date = chart.dates[index];
    if (date)
      pdf.text(format.date(date), x(index) - 40, top + height + 4, {
        width: 80,
        align: 'center',
        lineBreak: false,
      });
  }
  for (const series of chart.series) {
    pdf
      .lineWidth(series.style === 'actual' ? 1.8 : 1)
      .strokeColor(series.style === 'actual' ? ACTUAL : TARGET);
    if (series.style === 'target') pdf.dash(4, { space: 3 });
    let drawing = false;
    series.values.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      if (drawing) pdf.lineTo(x(index), y(value));
      else pdf.moveTo(x(index), y(value));
      drawing = true;
    });
    pdf.stroke();
    pdf.undash();
  }
  // The legend, under the axis labels.
  let legendX = left;
  const legendY = top + height + 18;
  for (const series of chart.series) {
    const color = series.style === 'actual' ? ACTUAL : TARGET;
    pdf.rect(legendX, legendY + 2, 10, 3).fill(color);
    const label = format.t(series.label);
    pdf
      .fillColor(INK)
      .fontSize(7.5)
      .text(label, legendX + 14, legendY, { lineBreak: false });
    legendX += 24 + pdf.widthOfString(label);
  }
  pdf.x = MARGIN;
  pdf.y = legendY + 16;
}

function columnWidths(pdf: Pdf, columns: ReportColumn[]): number[] {
  const weights = columns.map((column) => (column.kind === 'text' ? 2.2 : 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (weight / total) * contentWidth(pdf));
}

function drawTable(pdf: Pdf, table: ReportTable, format: ReportFormat): void {
  heading(pdf, format.t(table.title));
  const widths = columnWidths(pdf, table.columns);
  const size = table.columns.length > 8 ? 6.5 : 7.5;
  const pad = 3;
  const drawRow = (cells: string[], bold: boolean) => {
    pdf.font(bold ? 'bold' : 'regular').fontSize(size);
    // Only text wraps; a figure is one line (measuring every cell is what makes a long table slow).
    const line = pdf.currentLineHeight(true);
    const heights = cells.map((cell, index) =>
      bold || table.columns[index]?.kind === 'text'
        ? pdf.heightOfString(cell || ' ', { width: (widths[index] ?? 0) - 2 * pad })
        : line,
    );
    const height = Math.max(...heights) + 2 * pad;
    ensureRoom(pdf, height);
    const top = pdf.y;
    let left = MARGIN;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      const kind = table.columns[index]?.kind ?? 'text';
      const wraps = bold || kind === 'text';
      pdf.fillColor(INK).text(cell, left + pad, top + pad, {
        width: width - 2 * pad,
        align: kind === 'text' || kind === 'date' || bold ? 'left' : 'right',
        ...(wraps ? {} : { lineBreak: false, ellipsis: true }),
      });
      left += width;
    });
    pdf
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + contentWidth(pdf), top + height)
      .stroke();
    pdf.x = MARGIN;
    pdf.y = top + height;
  };
  drawRow(
    table.columns.map((column) => format.t(column.label)),
    true,
  );
  if (table.rows.length === 0) {
    pdf
      .font('regular')
      .fontSize(size)
      .fillColor(MUTED)
      .text(format.t(msg('No rows.')), MARGIN, pdf.y + pad);
  }
  for (const row of table.rows.slice(0, PDF_MAX_ROWS)) {
    drawRow(
      row.map((cell, index) => format.display(cell, table.columns[index]?.kind ?? 'text')),
      false,
    );
  }
  const shown = table.rows.length > PDF_MAX_ROWS ? PDF_MAX_ROWS : table.truncated?.shown;
  if (shown !== undefined) {
    pdf
      .font('regular')
      .fontSize(size)
      .fillColor(MUTED)
      .text(format.t(msg('Only the first {shown} rows are included.', { shown })), MARGIN, pdf.y + pad);
  }
}
