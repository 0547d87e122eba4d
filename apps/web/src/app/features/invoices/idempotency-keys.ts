/**
 * Idempotency-Keys for one form's submissions: one key per submit attempt, kept while the same
 * body is sent again (a retry after a lost answer, a double click, the server being briefly
 * unavailable), so the API answers the first answer instead of creating a second invoice. A
 * changed body is a new attempt with a new key; once the server has answered, the key is spent.
 */
export class IdempotencyKeys {
  private pending: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => globalThis.crypto.randomUUID()) {}

  /** The key for sending `body`: the pending attempt's when the body is the same, else a new one. */
  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.pending?.body !== text) {
      this.pending = { body: text, key: this.newKey() };
    }
    return this.pending.key;
  }

  /** The server answered (created, or refused what it was sent): the next attempt gets a new key. */
  spend(): void {
    this.pending = null;
  }
}
