import type { PrimitiveType } from 'intl-messageformat';

export type MessageParams = Readonly<Record<string, PrimitiveType>>;

/**
 * A human-readable text before it is put into a reader's language: the English source in ICU
 * MessageFormat (the catalog key, gettext style) and the values of its placeholders.
 */
export interface Message {
  readonly key: string;
  readonly params?: MessageParams;
}

/** What the error helpers accept: a plain English literal (no placeholders) or a `msg(...)`. */
export type Text = string | Message;

/**
 * Marks an English text with placeholders for translation:
 * `msg('You cannot assign the role {role}.', { role })`. Never build the English text with a
 * template literal: the catalogs are keyed by this source text.
 */
export function msg(key: string, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function toMessage(text: Text): Message {
  return typeof text === 'string' ? { key: text } : text;
}
