import { createHash, randomBytes } from 'node:crypto';

/** A high-entropy opaque token for links and cookies. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Opaque tokens carry 256 bits of entropy, so a fast hash is the right choice for lookups. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
