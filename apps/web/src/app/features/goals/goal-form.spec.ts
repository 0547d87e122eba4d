import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipListboxHarness } from '@angular/material/chips/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CreateGoalRequest } from '@agency-portal/shared';
import { aGoal } from '../../testing/fixtures';
import { pick, provideFakeLookups } from '../../testing/lookups';
import { GoalForm } from './goal-form';

describe('GoalForm', () => {
  let fixture: ComponentFixture<GoalForm>;
  let loader: HarnessLoader;
  let saved: CreateGoalRequest[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [GoalForm],
      providers: provideFakeLookups({
        units: [{ id: 'unit-1', label: 'Korea' }],
        users: [{ id: 'user-2', label: 'Sam Lead', detail: 'sam@brand.test' }],
      }),
    });
    fixture = TestBed.createComponent(GoalForm);
    saved = [];
    fixture.componentInstance.save.subscribe((request) => saved.push(request));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fill(label: string, value: string): Promise<void> {
    const input = (await (await field(label)).getControl(MatInputHarness)) as MatInputHarness;
    await input.setValue(value);
    await input.blur();
  }

  async function choose(label: string, option: string): Promise<void> {
    const select = (await (await field(label)).getControl(MatSelectHarness)) as MatSelectHarness;
    await select.open();
    await select.clickOptions({ text: option });
  }

  async function fillCommonFields(): Promise<void> {
    await fill('Name', 'Spring awareness');
    await pick(loader, 'Business unit', 'Korea');
    await pick(loader, 'Owner', /Sam Lead/);
    await fill('Period start', '2026-03-01');
    await fill('Period end', '2026-05-31');
    await (await loader.getHarness(MatChipListboxHarness)).selectChips({ text: /Instagram|TikTok/ });
    await choose('Funnel stage', 'Awareness');
  }

  async function save(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
  }

  it('should emit a whole-number target without a currency when the KPI is a count', async () => {
    await fillCommonFields();
    await choose('KPI', 'Impressions');
    await fill('Target', '1500000');

    await save();

    expect(saved).toEqual([
      {
        businessUnitId: 'unit-1',
        ownerId: 'user-2',
        name: 'Spring awareness',
        description: '',
        kpiMetric: 'impressions',
        targetValue: 1500000,
        targetCurrency: null,
        periodStart: '2026-03-01',
        periodEnd: '2026-05-31',
        channels: ['instagram', 'tiktok'],
        funnelStage: 'awareness',
        status: 'active',
      },
    ]);
  });

  it('should emit minor units of the currency when the KPI is revenue', async () => {
    await fillCommonFields();
    await choose('KPI', 'Revenue');
    await choose('Currency', 'USD');
    await fill('Target', '25,000.75');

    await save();

    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kpiMetric: 'revenue', targetValue: 2500075, targetCurrency: 'USD' });
  });

  it('should refuse a target with a fraction when the KPI is a count', async () => {
    await fillCommonFields();
    await choose('KPI', 'Clicks');
    await fill('Target', '10.5');

    await save();

    expect(await (await field('Target')).getTextErrors()).toEqual(['Enter a whole number.']);
    expect(saved).toEqual([]);
  });

  it('should list what is missing and put the cursor in the first field when an empty goal is saved', async () => {
    document.body.appendChild(fixture.nativeElement as HTMLElement);
    try {
      await save();
      await fixture.whenStable();

      const entries = Array.from(
        (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="form-error-summary"] li'),
        (item) => item.textContent?.replace(/\s+/g, ' ').trim(),
      );
      expect(entries.slice(0, 3)).toEqual([
        'Name: This field is required.',
        'Business unit: This field is required.',
        'Owner: This field is required.',
      ]);
      expect(entries).toContain('Channels: Choose at least one channel.');
      expect(document.activeElement?.getAttribute('formcontrolname')).toBe('name');
      expect(saved).toEqual([]);
    } finally {
      (fixture.nativeElement as HTMLElement).remove();
    }
  });

  it('should refuse a period that ends before it starts', async () => {
    await fillCommonFields();
    await fill('Period end', '2026-02-01');

    await save();

    expect(await (await field('Period end')).getTextErrors()).toEqual([
      'The end must be on or after the start.',
    ]);
  });

  it('should show a revenue goal in its currency when a goal is edited', async () => {
    fixture.componentRef.setInput(
      'goal',
      aGoal({ kpiMetric: 'revenue', targetValue: 50000000, targetCurrency: 'KRW' }),
    );
    await fixture.whenStable();

    const target = (await (await field('Target')).getControl(MatInputHarness)) as MatInputHarness;
    const currency = (await (await field('Currency')).getControl(MatSelectHarness)) as MatSelectHarness;

    expect(await target.getValue()).toBe('50,000,000');
    expect(await currency.getValueText()).toBe('KRW');
  });

  it('should put the API target error under the target field when the KPI is revenue', async () => {
    fixture.componentRef.setInput(
      'goal',
      aGoal({ kpiMetric: 'revenue', targetValue: 100, targetCurrency: 'USD' }),
    );
    await fixture.whenStable();

    fixture.componentRef.setInput('serverError', {
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: { fields: [{ field: 'targetValue', messages: ['The target must be positive.'] }] },
    });
    await fixture.whenStable();

    expect(await (await field('Target')).getTextErrors()).toEqual(['The target must be positive.']);
  });

  it('should keep what the person typed when they change the currency of a revenue goal', async () => {
    fixture.componentRef.setInput(
      'goal',
      aGoal({ kpiMetric: 'revenue', targetValue: 50000000, targetCurrency: 'KRW' }),
    );
    await fixture.whenStable();

    await fill('Name', 'Winter revenue');
    await choose('Currency', 'USD');
    await fixture.whenStable();

    const name = (await (await field('Name')).getControl(MatInputHarness)) as MatInputHarness;
    const currency = (await (await field('Currency')).getControl(MatSelectHarness)) as MatSelectHarness;
    expect(await name.getValue()).toBe('Winter revenue');
    expect(await currency.getValueText()).toBe('USD');
  });
});
