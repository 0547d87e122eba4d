import { type ArgumentsHost, NotFoundException } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { msg } from '../../i18n/message';
import { DomainError, fieldError } from './domain-error';

function run(exception: unknown, request: Record<string, unknown> = {}) {
  const logged: unknown[] = [];
  const logger = {
    setContext: () => undefined,
    error: (entry: unknown) => logged.push(entry),
    warn: (entry: unknown) => logged.push(entry),
  } as unknown as PinoLogger;
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'corr-123', headers: {}, ...request }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter(logger).catch(exception, host);
  return { ...sent, logged };
}

describe('AllExceptionsFilter', () => {
  it('should keep the code, message and details when a domain error is thrown', () => {
    const result = run(
      new DomainError('email_taken', 'Taken.', { fields: [{ field: 'email', messages: ['Taken.'] }] }),
    );

    expect(result.status).toBe(409);
    expect(result.body).toEqual({
      code: 'email_taken',
      message: 'Taken.',
      details: { fields: [{ field: 'email', messages: ['Taken.'] }] },
    });
  });

  it('should give framework errors a code from their status when Nest throws them', () => {
    const result = run(new NotFoundException('Cannot GET /api/nope'));

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ code: 'not_found', message: 'There is nothing at this address.' });
  });

  it("should answer in the signed-in person's language when a domain error has field messages", () => {
    const result = run(
      fieldError('role', msg('You cannot assign the role {role}.', { role: 'admin' }), 'forbidden'),
      {
        user: { locale: 'ko' },
        headers: { 'accept-language': 'id' },
      },
    );

    expect(result.body).toEqual({
      code: 'forbidden',
      message: 'admin 역할은 부여할 수 없습니다.',
      details: { fields: [{ field: 'role', messages: ['admin 역할은 부여할 수 없습니다.'] }] },
    });
  });

  it('should answer in the Accept-Language when nobody is signed in and the error is unexpected', () => {
    const result = run(new Error('boom'), { headers: { 'accept-language': 'id-ID,id;q=0.9' } });

    expect(result.body).toMatchObject({
      code: 'internal_error',
      message: 'Terjadi kesalahan di pihak kami. Sebutkan ID korelasi saat melaporkannya.',
    });
  });

  it('should reveal nothing but a correlation id when an unexpected error happens', () => {
    const result = run(
      new QueryFailedError(
        'SELECT secret FROM internals',
        [],
        new Error('relation "internals" does not exist'),
      ),
    );

    expect(result.status).toBe(500);
    expect(result.body).toEqual({
      code: 'internal_error',
      message: expect.stringContaining('correlation id') as unknown,
      correlationId: 'corr-123',
    });
    expect(JSON.stringify(result.body)).not.toContain('internals');
    expect(result.logged).toEqual([expect.objectContaining({ correlationId: 'corr-123' })]);
  });

  it('should answer 400 when the body is malformed JSON', () => {
    const result = run(
      Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' }),
    );

    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      code: 'validation_failed',
      message: 'The request body is not valid JSON.',
    });
  });

  it('should answer 503 with a code and Retry-After when the database cannot be reached', () => {
    const result = run(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );

    expect(result.status).toBe(503);
    expect(result.body).toEqual({
      code: 'service_unavailable',
      message: expect.stringContaining('database') as unknown,
    });
    expect(result.headers['Retry-After']).toBe('5');
  });
});
