import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { UpsertApprovalPolicyRequest } from '@agency-portal/shared';
import { pickChip, provideFakeLookups } from '../../testing/lookups';
import { ApprovalPolicyForm } from './approval-policy-form';

describe('ApprovalPolicyForm', () => {
  let fixture: ComponentFixture<ApprovalPolicyForm>;
  let loader: HarnessLoader;
  let saved: UpsertApprovalPolicyRequest[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApprovalPolicyForm],
      providers: provideFakeLookups({
        users: [{ id: 'user-legal', label: 'Lee Legal', detail: 'legal@brand.test' }],
      }),
    });
    fixture = TestBed.createComponent(ApprovalPolicyForm);
    saved = [];
    fixture.componentInstance.save.subscribe((request) => saved.push(request));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function field(label: string, within: HarnessLoader = loader): Promise<MatFormFieldHarness> {
    return within.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fill(label: string, value: string, within: HarnessLoader = loader): Promise<void> {
    const input = (await (await field(label, within)).getControl(MatInputHarness)) as MatInputHarness;
    await input.setValue(value);
  }

  async function choose(label: string, option: string, within: HarnessLoader): Promise<void> {
    const select = (await (await field(label, within)).getControl(MatSelectHarness)) as MatSelectHarness;
    await select.open();
    await select.clickOptions({ text: option });
    await select.close();
  }

  function step(index: number): Promise<HarnessLoader> {
    return loader.getChildLoader(`[role="group"][aria-label="Step ${index}"]`);
  }

  it('should emit a role step and a named-people step when both are filled in', async () => {
    await fill('Policy name', 'Brand then legal');
    const first = await step(1);
    await fill('Step name', 'Brand review', first);
    await choose('Approver role', 'Any reviewer', first);
    await fill('SLA (hours)', '24', first);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add step' }))).click();
    const second = await step(2);
    await fill('Step name', 'Legal', second);
    await choose('Approver role', 'Named people', second);
    await pickChip(second, 'Approvers', /Lee Legal/);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();

    expect(saved).toEqual([
      {
        name: 'Brand then legal',
        steps: [
          {
            name: 'Brand review',
            approverRole: 'reviewer',
            approverUserIds: [],
            contractOwner: false,
            allowEarlierApprovers: false,
            slaHours: 24,
          },
          {
            name: 'Legal',
            approverRole: null,
            approverUserIds: ['user-legal'],
            contractOwner: false,
            allowEarlierApprovers: false,
            slaHours: 48,
          },
        ],
      },
    ]);
  });

  it("should emit the contract owner's step, and a step open to earlier approvers when its box is ticked", async () => {
    await fill('Policy name', 'Lead then brand');
    const first = await step(1);
    await fill('Step name', 'Lead review', first);
    await choose('Approver role', "The contract's owner", first);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add step' }))).click();
    const second = await step(2);
    await fill('Step name', 'Brand review', second);
    await choose('Approver role', 'Any social lead', second);
    await (
      await second.getHarness(
        MatCheckboxHarness.with({ label: 'May be decided by someone who decided an earlier step' }),
      )
    ).check();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();

    expect(saved[0]?.steps).toEqual([
      expect.objectContaining({
        name: 'Lead review',
        approverRole: null,
        approverUserIds: [],
        contractOwner: true,
        allowEarlierApprovers: false,
      }),
      expect.objectContaining({
        name: 'Brand review',
        approverRole: 'social_lead',
        contractOwner: false,
        allowEarlierApprovers: true,
      }),
    ]);
  });

  it("should show a stored owner's step as the contract's owner and keep its option ticked", async () => {
    fixture.componentRef.setInput('policy', {
      id: 'policy-1',
      businessUnitId: 'unit-1',
      contractId: null,
      name: 'Lead review',
      steps: [
        {
          name: 'Lead review',
          approverRole: null,
          approverUserIds: [],
          contractOwner: true,
          allowEarlierApprovers: true,
          slaHours: 24,
        },
      ],
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    await fixture.whenStable();
    const first = await step(1);

    const select = (await (
      await field('Approver role', first)
    ).getControl(MatSelectHarness)) as MatSelectHarness;
    expect(await select.getValueText()).toBe("The contract's owner");
    expect(await (await first.getHarness(MatCheckboxHarness)).isChecked()).toBe(true);
  });
});
