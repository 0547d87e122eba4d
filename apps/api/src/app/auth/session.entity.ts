import { Column, Entity } from 'typeorm';
import { CreatedEntity, TimestampColumn } from '../database/columns';

/** One sign-in. Access tokens name their session, so revoking it ends them at once. */
@Entity({ name: 'sessions' })
export class Session extends CreatedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @TimestampColumn('expires_at')
  expiresAt!: Date;

  @TimestampColumn('revoked_at', { nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;
}

/** A secret the API hands out: only its sha256 is stored; it expires and keeps when it was used. */
abstract class OneTimeToken extends CreatedEntity {
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @TimestampColumn('expires_at')
  expiresAt!: Date;

  @TimestampColumn('used_at', { nullable: true })
  usedAt!: Date | null;
}

/** A rotating refresh token; only its sha256 is stored. Reuse of a used token revokes the session. */
@Entity({ name: 'refresh_tokens' })
export class RefreshToken extends OneTimeToken {
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  /** The tokens this one was exchanged for, sealed with this token (see SessionsService.rotate). */
  @Column({ name: 'successor_sealed', type: 'text', nullable: true })
  successorSealed!: string | null;
}

/** A one-time set-password link; only its sha256 is stored. */
@Entity({ name: 'invitations' })
export class Invitation extends OneTimeToken {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
