import { Agency } from '../agencies/agency.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Invitation, RefreshToken, Session } from '../auth/session.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { User } from '../users/user.entity';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';

/** Listed as classes, not globs: the API is bundled by webpack. */
export const ENTITIES = [BusinessUnit, User, Agency, Session, RefreshToken, Invitation, AuditEvent];
export const MIGRATIONS = [Foundation1764000000000];
