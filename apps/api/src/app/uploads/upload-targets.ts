import type { Actor } from '../auth/actor';

/**
 * Decides, before a single byte is stored, whether the actor may upload files for a deliverable:
 * an agency user of the deliverable's own agency, while the deliverable awaits a version.
 * Throws DomainError not_found (another agency's or unknown deliverable) or invalid_state.
 * Implemented by the deliverables module.
 */
export interface UploadTargets {
  assertCanUpload(actor: Actor, deliverableId: string): Promise<void>;
}

export const UPLOAD_TARGETS = Symbol('UPLOAD_TARGETS');
