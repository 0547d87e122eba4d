import type { GoalReportDto, KpiMetric } from '@agency-portal/shared';
import { addDays } from '@agency-portal/shared';
import { KPI_METRIC_LABELS, PACE_LABELS } from '../goal-reports/goal-report-labels';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/translator';
import type { MailMessage } from '../mail/mail.service';
import { NoticeFormat, type Reader } from '../notifications/notice-format';

/** What the KPI added in the latest week of figures: the last 7 complete days (or the last weekly bucket). */
export function weekChange(report: GoalReportDto): { from: string; to: string; value: number } | null {
  const complete = report.kpi.points.filter((point) => point.cumulative !== null);
  const last = complete.at(-1);
  if (!last) return null;
  if (report.kpi.bucket === 'week') {
    return { from: last.date, to: addDays(last.date, 6), value: last.value };
  }
  const week = complete.slice(-7);
  return {
    from: week[0]?.date ?? last.date,
    to: last.date,
    value: week.reduce((sum, point) => sum + point.value, 0),
  };
}

class DigestText {
  readonly format: NoticeFormat;

  constructor(readonly reader: Reader & { name: string }) {
    this.format = new NoticeFormat(reader);
  }

  t(message: Message): string {
    return render(this.reader.locale, message);
  }

  kpi(value: number | null, report: { kpiMetric: KpiMetric; targetCurrency: string | null }): string {
    if (value === null) return '–';
    if (report.kpiMetric === 'revenue' && report.targetCurrency)
      return this.format.money(value, report.targetCurrency);
    return new Intl.NumberFormat(this.reader.locale).format(value);
  }

  percent(value: number | null): string {
    return value === null
      ? '–'
      : new Intl.NumberFormat(this.reader.locale, { style: 'percent', maximumFractionDigits: 1 }).format(
          value / 100,
        );
  }

  /** A goal's lines: KPI against target and pace, this week's change, spend per currency. */
  goalLines(report: GoalReportDto): string[] {
    const metric = this.t(KPI_METRIC_LABELS[report.kpiMetric]);
    const lines = [
      this.t(
        msg('{metric}: {actual} of {target} ({percent}), {pace}.', {
          metric,
          actual: this.kpi(report.kpi.actual, report),
          target: this.kpi(report.targetValue, report),
          percent: this.percent(report.pace?.percentOfTarget ?? null),
          pace: report.pace ? this.t(PACE_LABELS[report.pace.status]) : '–',
        }),
      ),
    ];
    if (report.pace) {
      lines.push(
        this.t(
          msg('Expected by now: {expected}; projected at the end: {projected}.', {
            expected: this.kpi(report.pace.expectedToDate, report),
            projected: this.kpi(report.pace.projectedEnd, report),
          }),
        ),
      );
    }
    const change = weekChange(report);
    lines.push(
      change
        ? this.t(
            msg('This week ({from} to {to}): {change} {metric}.', {
              from: this.format.date(change.from),
              to: this.format.date(change.to),
              change: `+${this.kpi(change.value, report)}`,
              metric,
            }),
          )
        : this.t(msg('No figures yet.')),
    );
    for (const spend of report.spend) {
      lines.push(
        this.t(
          msg('Spend in {currency}: {invoiced} invoiced of {allocated} allocated.', {
            currency: spend.currency,
            invoiced: this.format.money(spend.invoicedMinor, spend.currency),
            allocated: this.format.money(spend.allocatedMinor, spend.currency),
          }),
        ),
      );
    }
    return lines;
  }
}

export interface DigestLinks {
  publicUrl: string;
}

function footer(text: DigestText, links: DigestLinks): string {
  return `${text.t(
    msg('You get this e-mail because you subscribed to this weekly digest. Unsubscribe on your profile:'),
  )}\n${links.publicUrl}/profile`;
}

/** The weekly digest of one goal, in the reader's language, numbers and dates in their locale. */
export function goalDigest(
  report: GoalReportDto,
  reader: Reader & { name: string; email: string },
  links: DigestLinks,
): MailMessage {
  const text = new DigestText(reader);
  const paragraphs = [
    text.t(msg('Hello {name},', { name: reader.name })),
    text.t(
      msg('Your weekly digest of the goal {goal} ({start} to {end}):', {
        goal: report.name,
        start: text.format.date(report.periodStart),
        end: text.format.date(report.periodEnd),
      }),
    ),
    text.goalLines(report).join('\n'),
    `${text.t(msg('Open the dashboard:'))}\n${links.publicUrl}/goals/${report.goalId}`,
    footer(text, links),
  ];
  return {
    to: reader.email,
    subject: text.t(msg('Weekly digest: {name}', { name: report.name })),
    text: paragraphs.join('\n\n'),
  };
}

/** The weekly digest of a business unit: each of its active goals (the first few), then the unit's page. */
export function unitDigest(
  unit: { id: string; name: string },
  reports: GoalReportDto[],
  more: boolean,
  reader: Reader & { name: string; email: string },
  links: DigestLinks,
): MailMessage {
  const text = new DigestText(reader);
  const goals = reports.map(
    (report) =>
      `${report.name}\n${text.goalLines(report).join('\n')}\n${links.publicUrl}/goals/${report.goalId}`,
  );
  const paragraphs = [
    text.t(msg('Hello {name},', { name: reader.name })),
    text.t(msg('Your weekly digest of the business unit {unit}:', { unit: unit.name })),
    ...(goals.length ? goals : [text.t(msg('The unit has no active goals.'))]),
    ...(more ? [text.t(msg('More goals are on the goal overview.'))] : []),
    `${text.t(msg('Open the goal overview:'))}\n${links.publicUrl}/goals/overview?businessUnitId=${unit.id}`,
    footer(text, links),
  ];
  return {
    to: reader.email,
    subject: text.t(msg('Weekly digest: {name}', { name: unit.name })),
    text: paragraphs.join('\n\n'),
  };
}
