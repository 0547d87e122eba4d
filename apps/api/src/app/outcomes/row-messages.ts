import type { ColumnProblem, RowError, RowProblem } from '@agency-portal/shared';
import { msg, type Message } from '../i18n/message';

/**
 * The wording of every line problem and mapping problem, keyed by code; stored errors keep their
 * code and params and are worded when read, in the reader's language.
 */
export function rowProblemMessage(code: RowProblem, params: Record<string, string>): Message {
  switch (code) {
    case 'not_a_number':
      return msg('This is not a whole number.');
    case 'negative_value':
      return msg('A figure cannot be negative.');
    case 'value_too_large':
      return msg('This figure is too large.');
    case 'too_many_decimals':
      return msg('The amount has more decimals than its currency has.');
    case 'not_a_date':
      return msg('This is not a date (write it as YYYY-MM-DD).');
    case 'missing_value':
      return msg('A value is required here.');
    case 'no_values':
      return msg('The row has no figures.');
    case 'unknown_channel':
      return msg('This is not a channel the portal knows.');
    case 'unknown_currency':
      return msg('This is not an ISO 4217 currency code.');
    case 'unknown_metric':
      return msg('This is not a metric the portal knows.');
    case 'not_text':
      return msg('This must be text.');
    case 'unknown_property':
      return msg('The portal does not know this property.');
    case 'deliverable_not_found':
      return msg('No deliverable you may report on matches this.');
    case 'deliverable_ambiguous':
      return msg('More than one deliverable matches this; use the deliverable id.');
    case 'not_published':
      return msg('The deliverable is not published, so it has no figures yet.');
    case 'date_before_publication':
      return msg('The day is before the deliverable was published (earliest {earliest}).', params);
    case 'date_in_future':
      return msg('The day has not come yet (latest {latest}).', params);
    case 'date_outside_goal_period':
      return msg("The day is outside the goal's period ({start} to {end}).", params);
    case 'currency_required':
      return msg('A revenue needs its currency ({expected}).', params);
    case 'currency_mismatch':
      return msg('The revenue must be in {expected}.', params);
    case 'revenue_goals_disagree':
      return msg(
        'The revenue goals this deliverable serves count in different currencies ({currencies}).',
        params,
      );
    case 'revenue_needs_goal_currency':
      return msg('The goal has no currency, so it takes no revenue.');
    case 'duplicate_row':
      return msg('The same row (same key) is already on line {line}.', params);
  }
}

export function rowErrorMessage(error: RowError): Message {
  return rowProblemMessage(error.code, error.params);
}

export function columnProblemMessage(problem: ColumnProblem): Message {
  const column = problem.column ?? '';
  const field = problem.field ?? '';
  switch (problem.code) {
    case 'unknown_column':
      return msg('Say what the column "{column}" holds, or ignore it.', { column });
    case 'column_not_in_file':
      return msg('The file has no column "{column}".', { column });
    case 'missing_column':
      return column
        ? msg('The file needs a column for {field} ("{column}").', { field, column })
        : msg('The file needs a column for {field}.', { field });
    case 'field_mapped_twice':
      return msg('Only one column can hold {field}; "{column}" is a second one.', { field, column });
    case 'field_not_allowed':
      return msg('{field} cannot be imported here ("{column}").', { field, column });
    case 'no_value_columns':
      return msg('Map at least one column to a figure.');
    case 'currency_missing':
      return msg('Revenue needs a currency column or a currency for the whole file.');
    case 'bad_default':
      return msg('The {field} given for the whole file is not valid.', { field });
  }
}
