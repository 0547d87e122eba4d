import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorCode } from '@agency-portal/shared';
import { msg, type Message } from '../../i18n/message';
import { DomainError } from '../errors/domain-error';

/** Deeper than any request the portal takes (its deepest DTO nests three levels). */
export const MAX_INPUT_DEPTH = 32;
/** Values (objects, arrays, strings, numbers…) in one request; the 1 MB body limit bounds bytes. */
export const MAX_INPUT_VALUES = 20_000;

/**
 * Keys that name JavaScript's object machinery. The JSON parser keeps them as plain keys, but
 * class-transformer skips them on the way into a DTO, so the validator would never see them and
 * could not refuse them like any other unknown key.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A UTF-16 surrogate without its pair: not a character, and not storable as UTF-8 text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface InputProblem {
  field: string;
  message: Message;
}

/** What holds the text: a value of a field, a property name, or the request's address. */
type TextHolder = { field: string } | 'property name' | 'address';

function textProblem(text: string, holder: TextHolder): Message | null {
  // PostgreSQL text cannot hold NUL, and a lone surrogate is no character at all.
  const nul = text.includes('\u0000');
  if (!nul && !LONE_SURROGATE.test(text)) return null;
  if (holder === 'address') {
    return nul
      ? msg('The address must not contain a NUL character.')
      : msg('The address must be valid Unicode text.');
  }
  if (holder === 'property name') {
    return nul
      ? msg('A property name must not contain a NUL character.')
      : msg('A property name must be valid Unicode text.');
  }
  return nul
    ? msg('{field} must not contain a NUL character.', { field: holder.field })
    : msg('{field} must be valid Unicode text.', { field: holder.field });
}

function childPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first reason a parsed body or query cannot go on to validation, or null. Walks without
 * recursion, so a 20,000-level document is refused instead of overflowing the stack.
 */
export function findUnsafeInput(input: unknown, rootName = 'body'): InputProblem | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  let values = 0;
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    const field = path || rootName;
    if (++values > MAX_INPUT_VALUES) {
      return {
        field: rootName,
        message: msg(
          '{part, select, query {The query} other {The body}} has too many values (at most {max}).',
          {
            part: rootName,
            max: MAX_INPUT_VALUES,
          },
        ),
      };
    }
    if (typeof value === 'string') {
      const message = textProblem(value, { field });
      if (message) return { field, message };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return {
        field,
        message: msg(
          '{part, select, query {The query} other {The body}} is nested too deeply (at most {max} levels).',
          { part: rootName, max: MAX_INPUT_DEPTH },
        ),
      };
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
    for (const [key, child] of entries) {
      const keyPath = childPath(path, key);
      if (!Array.isArray(value)) {
        if (RESERVED_KEYS.has(key))
          return {
            field: keyPath,
            message: msg('{property} is not a field of this request.', { property: keyPath }),
          };
        const message = textProblem(key, 'property name');
        if (message) return { field: keyPath, message };
      }
      pending.push({ value: child, path: keyPath, depth: depth + 1 });
    }
  }
  return null;
}

function refuse(problem: InputProblem): DomainError {
  return new DomainError('validation_failed', problem.message, {
    fields: [{ field: problem.field, messages: [problem.message] }],
  });
}

/**
 * Runs after the body parsers and before guards, pipes and handlers: a JSON body must be an
 * object or an array, and no body, query or path may carry what PostgreSQL or the validator
 * cannot take (NUL, lone surrogates, reserved keys, runaway nesting). Each is a 400.
 */
export function inputGuard(): RequestHandler {
  return (request, _response, next) => {
    let path: string;
    try {
      path = decodeURIComponent(request.path);
    } catch {
      return next(new DomainError('validation_failed', 'The address is not valid (bad percent-encoding).'));
    }
    const pathProblem = textProblem(path, 'address');
    if (pathProblem) return next(new DomainError('validation_failed', pathProblem));
    const body: unknown = request.body;
    if (request.is('application/json') && body !== undefined && (typeof body !== 'object' || body === null)) {
      return next(new DomainError('validation_failed', 'The request body must be a JSON object.'));
    }
    const problem = findUnsafeInput(body, 'body') ?? findUnsafeInput(request.query, 'query');
    next(problem ? refuse(problem) : undefined);
  };
}

/** body-parser's failures by their `type`: the code and message a client can act on. */
const PARSER_FAILURES: Record<string, { code: ErrorCode; message: Message }> = {
  'entity.parse.failed': { code: 'validation_failed', message: msg('The request body is not valid JSON.') },
  'entity.too.large': { code: 'payload_too_large', message: msg('The request body is too large.') },
  'charset.unsupported': {
    code: 'unsupported_media_type',
    message: msg('The request body is in a character set the API does not read; send UTF-8.'),
  },
  'encoding.unsupported': {
    code: 'unsupported_media_type',
    message: msg('The request body is compressed in an encoding the API does not read.'),
  },
  'request.aborted': { code: 'validation_failed', message: msg('The request body did not arrive in full.') },
  'request.size.invalid': {
    code: 'validation_failed',
    message: msg('The request body is not as long as it says.'),
  },
};

/**
 * Placed right after the body parsers: their errors become domain errors with a code, before the
 * framework turns a JSON syntax error into a 400 carrying the parser's own wording.
 */
export function bodyParserErrors(): ErrorRequestHandler {
  return (error: unknown, _request, _response, next) => {
    const type = (error as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' ? PARSER_FAILURES[type] : undefined;
    next(known ? new DomainError(known.code, known.message) : error);
  };
}
