import { render } from '../../i18n/translator';
import { findUnsafeInput as findProblem, MAX_INPUT_DEPTH, MAX_INPUT_VALUES } from './input-guard';

/** The problem with its message in English, as a client reading `Accept-Language: en` sees it. */
function findUnsafeInput(input: unknown): { field: string; message: string } | null {
  const problem = findProblem(input);
  return problem && { field: problem.field, message: render('en', problem.message) };
}

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

describe('findUnsafeInput', () => {
  it('should accept ordinary input when nothing is wrong with it', () => {
    expect(
      findUnsafeInput({ title: 'Reels', specs: [{ quantity: 2, note: 'line\nbreak\ttab' }] }),
    ).toBeNull();
  });

  it('should refuse a NUL character when it is anywhere in a value', () => {
    expect(findUnsafeInput({ specs: [{ note: 'a\u0000b' }] })).toEqual({
      field: 'specs.0.note',
      message: 'specs.0.note must not contain a NUL character.',
    });
  });

  it('should refuse a lone surrogate when a string carries one', () => {
    expect(findUnsafeInput({ email: 'x\ud800@example.com' })?.field).toBe('email');
    expect(findUnsafeInput({ name: 'emoji 😀 is fine' })).toBeNull();
  });

  it('should refuse prototype keys when they appear like unknown properties', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body: unknown = JSON.parse(`{"name":"x","nested":{"${key}":{"admin":true}}}`);
      expect(findUnsafeInput(body)).toEqual({
        field: `nested.${key}`,
        message: `nested.${key} is not a field of this request.`,
      });
    }
  });

  it('should refuse deep nesting without overflowing the stack when a body nests 20,000 levels', () => {
    expect(findUnsafeInput(nested(20_000))?.message).toContain(`at most ${MAX_INPUT_DEPTH} levels`);
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH - 1))).toBeNull();
  });

  it('should refuse a body when it holds more values than the limit', () => {
    expect(findUnsafeInput({ ids: Array.from({ length: MAX_INPUT_VALUES }, () => 1) })?.message).toContain(
      'too many values',
    );
  });
});
