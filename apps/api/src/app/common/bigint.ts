import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL bigint arrives as a string; amounts here are integer minor units well inside
 * Number.MAX_SAFE_INTEGER, so they are read as numbers and refused if they ever are not safe.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new Error(`bigint ${value} is outside the safe integer range`);
    return parsed;
  },
};
