import type { ApprovalPolicyDto, BusinessUnitDto } from '@agency-portal/shared';

export type UnitPolicySource = 'own' | 'inherited' | 'default';

export interface UnitPolicyView {
  unit: BusinessUnitDto;
  /** The unit's own policy, if it has one. */
  own: ApprovalPolicyDto | null;
  /** The policy that applies to the unit's contracts (unless a contract overrides it). */
  effective: ApprovalPolicyDto | null;
  source: UnitPolicySource;
  /** Why that policy applies, in words. */
  explanation: string;
}

/**
 * For each business unit, the policy that applies and why: its own, else the nearest parent's (a
 * centre of excellence template its units inherit), else the portal's default. Contracts may
 * still override it.
 */
export function unitPolicyViews(
  units: readonly BusinessUnitDto[],
  policies: readonly ApprovalPolicyDto[],
): UnitPolicyView[] {
  const byUnit = new Map(
    policies
      .filter((policy) => policy.businessUnitId !== null)
      .map((policy) => [policy.businessUnitId, policy]),
  );
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  return units.map((unit) => {
    const own = byUnit.get(unit.id) ?? null;
    if (own) {
      return { unit, own, effective: own, source: 'own', explanation: $localize`${unit.name}:unit: has its own policy.` };
    }
    const seen = new Set<string>([unit.id]);
    let parentId = unit.parentId;
    while (parentId && !seen.has(parentId)) {
      seen.add(parentId);
      const inherited = byUnit.get(parentId);
      const parent = unitsById.get(parentId);
      if (inherited) {
        const parentName = parent?.name ?? unit.parentName ?? $localize`its parent unit`;
        return {
          unit,
          own: null,
          effective: inherited,
          source: 'inherited',
          explanation: $localize`Inherited from the template of ${parentName}:parent:.`,
        };
      }
      parentId = parent?.parentId ?? null;
    }
    return {
      unit,
      own: null,
      effective: null,
      source: 'default',
      explanation: $localize`No policy of its own nor inherited: the portal’s default policy applies.`,
    };
  });
}
