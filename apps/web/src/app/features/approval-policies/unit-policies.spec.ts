import type { ApprovalPolicyDto, BusinessUnitDto } from '@agency-portal/shared';
import { unitPolicyViews } from './unit-policies';

function aUnit(id: string, name: string, parentId: string | null = null): BusinessUnitDto {
  return {
    id,
    name,
    operatingModel: parentId ? 'decentralised' : 'coe',
    parentId,
    parentName: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function aPolicy(
  id: string,
  businessUnitId: string | null,
  contractId: string | null = null,
): ApprovalPolicyDto {
  return { id, businessUnitId, contractId, name: id, steps: [], updatedAt: '2026-01-01T00:00:00.000Z' };
}

describe('unitPolicyViews', () => {
  const units = [
    aUnit('coe', 'Global Social'),
    aUnit('kr', 'Korea', 'coe'),
    aUnit('jp', 'Japan', 'coe'),
    aUnit('us', 'US'),
  ];
  const policies = [
    aPolicy('template', 'coe'),
    aPolicy('japan-own', 'jp'),
    aPolicy('contract-x', null, 'contract-1'),
  ];

  it('should say where each unit’s policy comes from when units own, inherit or default', () => {
    const views = unitPolicyViews(units, policies);

    expect(views.map((view) => [view.unit.id, view.source, view.effective?.id ?? null])).toEqual([
      ['coe', 'own', 'template'],
      ['kr', 'inherited', 'template'],
      ['jp', 'own', 'japan-own'],
      ['us', 'default', null],
    ]);
    expect(views[1].explanation).toBe('Inherited from the template of Global Social.');
  });
});
