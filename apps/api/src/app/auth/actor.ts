import type { Role } from '@agency-portal/shared';
import { isAgencyRole } from '@agency-portal/shared';

/** Who is asking: built from the access token and re-checked against the database on every request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  sessionId: string;
}

export function isAgencyActor(actor: Actor): actor is Actor & { agencyId: string } {
  return isAgencyRole(actor.role) && actor.agencyId !== null;
}
