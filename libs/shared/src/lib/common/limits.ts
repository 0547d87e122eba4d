/**
 * Field limits, written once: the API's request classes validate them and the web app's forms
 * check them as a person types, so a form never accepts what the API would refuse.
 * Lengths are in characters (UTF-16 code units, as class-validator and Angular count them).
 */
export const TEXT_LIMITS = {
  /** A person's, a business unit's, an agency's or an approval policy's name. */
  name: 120,
  email: 320,
  /** A contract's, brief's or deliverable's title; a goal's name; an agency's legal name. */
  title: 200,
  contractReference: 60,
  rateCardCode: 40,
  rateCardDescription: 500,
  /** Contract scope and internal notes. */
  contractText: 20_000,
  /** A brief's objective and audience, a goal's description, comments and decision comments. */
  longText: 5_000,
  keyMessage: 500,
  copyText: 10_000,
  url: 2_000,
  approvalStepName: 100,
  /** Why an agency is offboarded. */
  offboardReason: 1_000,
  /** Why a brief is declined or its budget overridden, why a contract is terminated. */
  reason: 2_000,
} as const;

/** How many items a list inside a request may hold. */
export const ITEM_LIMITS = {
  rateCardItems: 200,
  goalAllocations: 100,
  deliverableSpecs: 50,
  keyMessages: 20,
  versionFiles: 20,
  approvalSteps: 10,
  namedApprovers: 20,
} as const;

/** Whole-number ranges. */
export const NUMBER_LIMITS = {
  renewalNoticeDays: { min: 0, max: 365 },
  allocationPercent: { min: 1, max: 100 },
  specQuantity: { min: 1, max: 500 },
  approvalStepSlaHours: { min: 1, max: 720 },
} as const;
