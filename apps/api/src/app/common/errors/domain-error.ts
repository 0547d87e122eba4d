import type { ErrorCode, FieldError } from '@agency-portal/shared';
import { msg, toMessage, type Message, type Text } from '../../i18n/message';
import { render } from '../../i18n/translator';

export interface DomainFieldError {
  field: string;
  messages: Text[];
}

/**
 * One problem of a refused batch or file (outcomes): a line, or a column of the mapping, worded
 * for the reader like a field error.
 */
export interface DomainWordedProblem {
  code: string;
  message: Text;
  [key: string]: unknown;
}

export interface DomainErrorDetails {
  fields?: DomainFieldError[];
  /** A batch's or file's line errors. */
  lines?: DomainWordedProblem[];
  /** A column mapping's problems. */
  columns?: DomainWordedProblem[];
  [key: string]: unknown;
}

export interface RenderedDetails {
  fields?: FieldError[];
  [key: string]: unknown;
}

/**
 * A failure the caller can act on. The exception filter maps `code` to an HTTP status and puts
 * the texts into the reader's language (`localize`); `message` and `details` are the English.
 * A list of texts as the message reads as their sentences one after another.
 */
export class DomainError extends Error {
  readonly text: Message | readonly Message[];
  readonly details?: RenderedDetails;
  private readonly source?: DomainErrorDetails;

  constructor(
    readonly code: ErrorCode,
    message: Text | readonly Text[],
    details?: DomainErrorDetails,
  ) {
    const text = Array.isArray(message) ? message.map(toMessage) : toMessage(message as Text);
    super(renderText('en', text));
    this.name = 'DomainError';
    this.text = text;
    this.source = details;
    if (details) this.details = renderDetails('en', details);
  }

  /** The message and details in `locale` (English when a text has no translation). */
  localize(locale: string): { message: string; details?: RenderedDetails } {
    const message = renderText(locale, this.text);
    return this.source ? { message, details: renderDetails(locale, this.source) } : { message };
  }
}

function renderText(locale: string, text: Message | readonly Message[]): string {
  return Array.isArray(text)
    ? text.map((part: Message) => render(locale, part)).join(' ')
    : render(locale, text as Message);
}

function renderDetails(locale: string, details: DomainErrorDetails): RenderedDetails {
  const { fields, lines, columns, ...rest } = details;
  const word = (problems: DomainWordedProblem[]) =>
    problems.map((problem) => ({ ...problem, message: render(locale, toMessage(problem.message)) }));
  if (lines) rest['lines'] = word(lines);
  if (columns) rest['columns'] = word(columns);
  if (!fields) return rest;
  return {
    ...rest,
    fields: fields.map((field) => ({
      field: field.field,
      messages: field.messages.map((text) => render(locale, text)),
    })),
  };
}

/** `notFound('File')`: the catalog key is "File was not found." (the subject is translated with it). */
export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} was not found.`);
}

export function fieldError(field: string, message: Text, code: ErrorCode = 'validation_failed'): DomainError {
  return new DomainError(code, message, {
    fields: [{ field, messages: [message] }],
  });
}

export function forbidden(message: Text = msg('You do not have permission to do this.')): DomainError {
  return new DomainError('forbidden', message);
}

export function invalidState(message: Text): DomainError {
  return new DomainError('invalid_state', message);
}
