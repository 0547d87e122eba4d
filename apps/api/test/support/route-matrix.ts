import type { ApiErrorBody } from '@agency-portal/shared';
import type { Response } from 'supertest';

/** How a route refuses a call before doing anything. */
export type Refusal = { status: 401; code: 'unauthenticated' } | { status: 403; code: 'forbidden' };
export const UNAUTHENTICATED: Refusal = { status: 401, code: 'unauthenticated' };
export const FORBIDDEN: Refusal = { status: 403, code: 'forbidden' };

/**
 * The refusal checks of the authorization matrices: `arrange` prepares the call (it may write
 * while doing so) and answers how to send it; the call answers the refusal and writes nothing
 * (`writeCounts` is the suite's count of what its routes could write).
 */
export async function expectRefused(
  refusal: Refusal,
  writeCounts: () => Promise<unknown>,
  arrange: () => Promise<() => Promise<Response>>,
): Promise<void> {
  const send = await arrange();
  const before = await writeCounts();

  const response = await send();

  expect(response.status).toBe(refusal.status);
  expect((response.body as ApiErrorBody).code).toBe(refusal.code);
  expect(await writeCounts()).toEqual(before);
}

/** Every endpoint of a matrix answers 401 and writes nothing when nobody is signed in. */
export function describeWithoutToken<E extends { route: string }>(
  endpoints: readonly E[],
  writeCounts: () => Promise<unknown>,
  arrange: (endpoint: E) => Promise<() => Promise<Response>>,
): void {
  describe('without a token', () => {
    for (const endpoint of endpoints) {
      it(`should refuse with 401 and write nothing when nobody is signed in for ${endpoint.route}`, () =>
        expectRefused(UNAUTHENTICATED, writeCounts, () => arrange(endpoint)));
    }
  });
}
