import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { Text } from '../../i18n/message';
import { DomainError, type DomainFieldError } from './domain-error';
import { constraintMessage } from './validation-messages';

function flatten(errors: ValidationError[], prefix = ''): DomainFieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: DomainFieldError[] = error.constraints
      ? [{ field, messages: Object.keys(error.constraints).map((name) => constraintMessage(error, name)) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown fields, transform; failures become `validation_failed` with field errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target's class names each failed constraint's arguments (validation-messages.ts); values stay out.
    validationError: { target: true, value: false },
    // No implicit conversion: "false" must never become true. DTOs convert explicitly.
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary: Text[] = fields.flatMap((field) => field.messages);
      return new DomainError(
        'validation_failed',
        summary.length > 0 ? summary : 'The request is not valid.',
        {
          fields,
        },
      );
    },
  });
}
