import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from '@agency-portal/shared';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { QueryFailedError } from 'typeorm';
import { msg, type Message } from '../../i18n/message';
import { requestLocale } from '../../i18n/request-locale';
import { render } from '../../i18n/translator';
import { isDatabaseUnavailable } from '../db-errors';
import { DomainError } from './domain-error';
import { codeForStatus, statusForCode } from './error-status';

/** What a 503 tells clients to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
/** What a refused export (every export slot taken) tells clients to wait. */
export const EXPORTS_RETRY_AFTER_SECONDS = 30;

interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Error bodies before their texts are put into the reader's language. */
type PendingBody = Omit<ApiErrorBody, 'message'> & { message: Message };

/** What the framework's own errors (unknown route, bad UUID in a path, …) say, by status. */
/** 503, as the number the answers carry. */
const SERVICE_UNAVAILABLE: number = HttpStatus.SERVICE_UNAVAILABLE;

const BAD_REQUEST_MESSAGE = msg('A value in the request has the wrong format.');
const STATUS_MESSAGES: Record<number, Message> = {
  400: BAD_REQUEST_MESSAGE,
  401: msg('Sign in to continue.'),
  403: msg('You do not have permission to do this.'),
  404: msg('There is nothing at this address.'),
  409: msg('The request conflicts with the current state of the record.'),
  413: msg('The request body is too large.'),
  415: msg('The request body has a type the portal does not accept.'),
  429: msg('Too many requests. Try again later.'),
  503: msg('The service is unavailable for a moment. Try again shortly.'),
};

/**
 * Turns every failure into `{ code, message, details? }`. Domain errors keep their code; framework
 * errors get one from their status; anything else is a 500 that reveals nothing but a correlation
 * id, which is also in the log line carrying the stack. Codes are language-neutral; the texts are
 * in the reader's language (`requestLocale`): this is the one place the API translates them.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    this.logger.setContext(AllExceptionsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string | number }>();
    const response = http.getResponse<Response>();
    const correlationId = String(request.id ?? '');
    const locale = requestLocale(request);
    const { status, body } =
      exception instanceof DomainError
        ? this.domainBody(exception, locale)
        : this.toBody(exception, correlationId, locale);
    if (status === SERVICE_UNAVAILABLE) {
      this.logger.warn({ err: exception, correlationId }, 'Database unavailable');
    } else if (status >= 500) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    if (!response.headersSent) {
      if (status === SERVICE_UNAVAILABLE) {
        response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      } else if (body.code === 'exports_busy') {
        response.setHeader('Retry-After', String(EXPORTS_RETRY_AFTER_SECONDS));
      }
      response.status(status).json(body);
    }
  }

  private domainBody(exception: DomainError, locale: string): { status: number; body: ApiErrorBody } {
    const { message, details } = exception.localize(locale);
    const body: ApiErrorBody = { code: exception.code, message };
    if (details) body.details = details;
    return { status: statusForCode(exception.code), body };
  }

  private toBody(
    exception: unknown,
    correlationId: string,
    locale: string,
  ): { status: number; body: ApiErrorBody } {
    const { status, body } = this.pendingBody(exception, correlationId);
    return { status, body: { ...body, message: render(locale, body.message) } };
  }

  private pendingBody(exception: unknown, correlationId: string): { status: number; body: PendingBody } {
    if (isDatabaseUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: {
          code: 'service_unavailable',
          message: msg('The portal cannot reach its database right now. Try again in a few seconds.'),
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500 || status === SERVICE_UNAVAILABLE) {
        return {
          status,
          body: {
            code: codeForStatus(status),
            message: STATUS_MESSAGES[status] ?? BAD_REQUEST_MESSAGE,
          },
        };
      }
    }
    const httpLike = exception as HttpErrorLike | null;
    const parserStatus = httpLike?.status ?? httpLike?.statusCode;
    if (httpLike?.type && typeof parserStatus === 'number' && parserStatus < 500) {
      // body-parser errors: malformed JSON, body too large, unsupported charset
      const message =
        httpLike.type === 'entity.parse.failed'
          ? msg('The request body is not valid JSON.')
          : httpLike.type === 'entity.too.large'
            ? msg('The request body is too large.')
            : msg('The request body could not be read.');
      return {
        status: parserStatus,
        body: { code: codeForStatus(parserStatus), message },
      };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      if (pgCode === '22P02') {
        return {
          status: HttpStatus.BAD_REQUEST,
          body: {
            code: 'validation_failed',
            message: msg('A value in the request has the wrong format.'),
          },
        };
      }
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: {
        code: 'internal_error',
        message: msg('Something went wrong on our side. Quote the correlation id when reporting it.'),
        correlationId,
      },
    };
  }
}
