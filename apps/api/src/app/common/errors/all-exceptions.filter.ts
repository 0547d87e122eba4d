import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from '@agency-portal/shared';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../db-errors';
import { DomainError } from './domain-error';
import { codeForStatus, statusForCode } from './error-status';

/** What a 503 tells clients to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Turns every failure into `{ code, message, details? }`. Domain errors keep their code; framework
 * errors get one from their status; anything else is a 500 that reveals nothing but a correlation
 * id, which is also in the log line carrying the stack.
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
    const { status, body } = this.toBody(exception, correlationId);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn({ err: exception, correlationId }, 'Database unavailable');
    } else if (status >= 500) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    if (!response.headersSent) {
      if (status === HttpStatus.SERVICE_UNAVAILABLE)
        response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      response.status(status).json(body);
    }
  }

  private toBody(exception: unknown, correlationId: string): { status: number; body: ApiErrorBody } {
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = {
        code: exception.code,
        message: exception.message,
      };
      if (exception.details) body.details = exception.details;
      return { status: statusForCode(exception.code), body };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: {
          code: 'service_unavailable',
          message: 'The portal cannot reach its database right now. Try again in a few seconds.',
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500 || status === HttpStatus.SERVICE_UNAVAILABLE) {
        return {
          status,
          body: {
            code: codeForStatus(status),
            message: this.httpMessage(exception),
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
          ? 'The request body is not valid JSON.'
          : httpLike.type === 'entity.too.large'
            ? 'The request body is too large.'
            : 'The request body could not be read.';
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
            message: 'A value in the request has the wrong format.',
          },
        };
      }
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: {
        code: 'internal_error',
        message: 'Something went wrong on our side. Quote the correlation id when reporting it.',
        correlationId,
      },
    };
  }

  private httpMessage(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
    return exception.message;
  }
}
