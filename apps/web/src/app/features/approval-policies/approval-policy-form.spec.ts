import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
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
          { name: 'Brand review', approverRole: 'reviewer', approverUserIds: [], slaHours: 24 },
          { name: 'Legal', approverRole: null, approverUserIds: ['user-legal'], slaHours: 48 },
        ],
      },
    ]);
  });
});
