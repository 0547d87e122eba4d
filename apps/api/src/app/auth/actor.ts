import type { Locale, Role } from '@agency-portal/shared';
import { isAgencyRole } from '@agency-portal/shared';

/** Who is asking: built from the access token and re-checked against the database on every request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  sessionId: string;
  /** Their language: the API's messages to them are in it. */
  locale: Locale;
}

export function isAgencyActor(actor: Actor): actor is Actor & { agencyId: string } {
  return isAgencyRole(actor.role) && actor.agencyId !== null;
}
