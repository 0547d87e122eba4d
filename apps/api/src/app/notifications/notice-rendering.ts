import type { DomainEventPayloads, DomainEventType } from '../events/domain-events';
import { msg } from '../i18n/message';
import { render } from '../i18n/translator';
import { NoticeFormat, type Reader } from './notice-format';
import { NOTICES, type Channel, type NoticeTemplate, type NoticeText } from './notices';

export interface RenderedNotice {
  title: string;
  body: string;
  link: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** The wording of an event for a channel, if it is told there. */
export function templateFor(
  type: DomainEventType,
  channel: Channel,
): NoticeTemplate<DomainEventType> | undefined {
  const template = NOTICES[type];
  return template?.channels.includes(channel) ? template : undefined;
}

/** An event's notice for one reader: their language, their time zone, their number formats. */
export function composeNotice<K extends DomainEventType>(
  type: K,
  payload: DomainEventPayloads[K],
  reader: Reader,
): NoticeText | null {
  const template = NOTICES[type];
  return template ? template.compose(payload, new NoticeFormat(reader)) : null;
}

export function renderNotice(text: NoticeText, reader: Reader): RenderedNotice {
  return {
    title: render(reader.locale, text.title),
    body: text.body.map((sentence) => render(reader.locale, sentence)).join(' '),
    link: text.link,
  };
}

/** The e-mail of a notice: a greeting, what happened, and where to open it. */
export function renderEmail(
  text: NoticeText,
  reader: Reader & { name: string },
  publicUrl: string,
): RenderedEmail {
  const { title, body } = renderNotice(text, reader);
  const paragraphs = text.email
    ? text.email.paragraphs.map((paragraph) => render(reader.locale, paragraph))
    : [body, render(reader.locale, msg('Open it in Agency Portal:'))];
  const url = text.email?.url ?? `${publicUrl}${text.link}`;
  return {
    subject: title,
    text: [render(reader.locale, msg('Hello {name},', { name: reader.name })), ...paragraphs]
      .join('\n\n')
      .concat('\n', url),
  };
}
