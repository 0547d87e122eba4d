import type { TransformFnParams } from 'class-transformer';

/** Query-string booleans: only "true"/"false" (or real booleans) are accepted; anything else stays invalid. */
export function toBoolean({ value }: TransformFnParams): unknown {
  if (value === 'true' || value === true) return true;
  if (value === 'false' || value === false) return false;
  return value;
}

/** Query-string integers; one too large to hold exactly stays a string, so @IsInt refuses it. */
export function toInt({ value }: TransformFnParams): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)))
    return Number(value);
  return value;
}

export function trim({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

export function toLowerTrim({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}
