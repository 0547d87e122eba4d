import { canDoBriefAction, type BriefAction } from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { invalidState } from '../common/errors/domain-error';
import { msg } from '../i18n/message';
import type { Brief } from './brief.entity';

/** Refuses an action the brief's status does not allow this actor (the shared workflow decides). */
export function assertBriefAction(brief: Brief, action: BriefAction, actor: Actor): void {
  if (!canDoBriefAction(brief.status, action, actor.role)) {
    throw invalidState(
      msg(
        'A brief that is {status, select, draft {draft} sent {sent} accepted {accepted} declined {declined} in_progress {in progress} completed {completed} cancelled {cancelled} other {{status}}} cannot be {action, select, edit {edited} send {sent} accept {accepted} decline {declined} cancel {cancelled} complete {completed} override_budget {given a budget override} other {changed}} by you.',
        { status: brief.status, action },
      ),
    );
  }
}
