import type { DeliverableSummaryDto, DeliverableThumbnailDto } from '@agency-portal/shared';
import type { Deliverable } from './deliverable.entity';

/** `latestVersion` defaults to the joined current version (always the latest one submitted). */
export function toDeliverableSummary(
  deliverable: Deliverable,
  latestVersion: number | null = deliverable.currentVersion?.number ?? null,
  thumbnail: DeliverableThumbnailDto | null = null,
): DeliverableSummaryDto {
  return {
    id: deliverable.id,
    briefId: deliverable.briefId,
    title: deliverable.title,
    rateCardCode: deliverable.spec?.rateCardItem?.code ?? null,
    channel: deliverable.channel,
    dueDate: deliverable.dueDate,
    status: deliverable.status,
    derivedFromId: deliverable.derivedFromId,
    latestVersionNumber: latestVersion,
    currentStep: deliverable.currentStep,
    stepDueAt: currentStepDueAt(deliverable)?.toISOString() ?? null,
    thumbnail,
  };
}

/** When the step awaiting a decision runs out of its SLA; null when no step is waiting. */
export function currentStepDueAt(
  deliverable: Pick<Deliverable, 'status' | 'currentStep' | 'reviewStartedAt' | 'reviewPolicy'>,
): Date | null {
  const step = deliverable.reviewPolicy?.steps[deliverable.currentStep ?? -1];
  if (deliverable.status !== 'in_review' || !step || !deliverable.reviewStartedAt) return null;
  return new Date(deliverable.reviewStartedAt.getTime() + step.slaHours * 3_600_000);
}
