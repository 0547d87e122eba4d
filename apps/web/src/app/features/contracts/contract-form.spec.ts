import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ContractDetailDto, ContractStatus, CreateContractRequest } from '@agency-portal/shared';
import { fakeLookupSet, pick, provideFakeLookups } from '../../testing/lookups';
import { ContractForm } from './contract-form';

describe('ContractForm', () => {
  let fixture: ComponentFixture<ContractForm>;
  let loader: HarnessLoader;
  let saved: CreateContractRequest[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ContractForm],
      providers: provideFakeLookups({
        agencies: [{ id: 'agency-1', label: 'Bright Social' }],
        units: [{ id: 'unit-1', label: 'Korea' }],
        users: [{ id: 'user-2', label: 'Sam Lead', detail: 'sam@brand.test' }],
        goals: [
          { id: 'goal-1', label: 'Spring awareness', detail: 'Korea' },
          { id: 'goal-2', label: 'Summer sales', detail: 'Korea' },
        ],
      }),
    });
    fixture = TestBed.createComponent(ContractForm);
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
    await input.blur();
  }

  async function choose(label: string, option: string, within: HarnessLoader = loader): Promise<void> {
    const select = (await (await field(label, within)).getControl(MatSelectHarness)) as MatSelectHarness;
    await select.open();
    await select.clickOptions({ text: option });
  }

  async function press(name: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: name }))).click();
  }

  function row(label: string): Promise<HarnessLoader> {
    return loader.getChildLoader(`[role="group"][aria-label="${label}"]`);
  }

  function existing(status: ContractStatus): ContractDetailDto {
    return {
      id: 'contract-1',
      agencyId: 'agency-1',
      agencyName: 'Bright Social',
      businessUnitId: 'unit-1',
      businessUnitName: 'Korea',
      owner: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
      reference: 'SOW-1',
      title: 'Always-on social',
      scope: 'Posts',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      currency: 'KRW',
      budgetCapMinor: 50000000,
      renewalNoticeDays: 30,
      status,
      terminationReason: null,
      terminatedAt: null,
      activatedAt: status === 'active' ? '2026-01-02T00:00:00.000Z' : null,
      signedDocument: null,
      internalNotes: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      rateCard: [],
      allocations: [],
      allowedActions: [],
      budget: {
        currency: 'KRW',
        capMinor: 50000000,
        committedMinor: 0,
        invoicedMinor: 0,
        approvedMinor: 0,
        paidMinor: 0,
        remainingMinor: 50000000,
      },
    };
  }

  async function fillContract(currency: string, budgetCap: string): Promise<void> {
    await pick(loader, 'Agency', 'Bright Social');
    await pick(loader, 'Business unit', 'Korea');
    await pick(loader, 'Owner', /Sam Lead/);
    await fill('Reference', ' SOW-2026-014 ');
    await fill('Title', 'Always-on social');
    await fill('Scope', 'Three feed posts a week on Instagram.');
    await fill('Start date', '2026-03-01');
    await fill('End date', '2026-12-31');
    await choose('Currency', currency);
    await fill('Budget cap', budgetCap);
  }

  it('should emit a CreateContractRequest in whole won when the contract is in KRW', async () => {
    await fillContract('KRW', '50,000,000');
    const items: [string, string, string, string][] = [
      ['POST', 'Feed post', 'per deliverable', '300,000'],
      ['HOUR', 'Community management', 'per hour', '45000'],
      ['RET', 'Monthly retainer', 'per month', '2,500,000'],
    ];
    for (const [index, [code, description, unit, price]] of items.entries()) {
      await press('Add rate card item');
      const item = await row(`Rate card item ${index + 1}`);
      await fill('Code', code, item);
      await fill('Description', description, item);
      await choose('Unit', unit, item);
      await fill('Unit price', price, item);
    }
    await press('Add allocation');
    await pick(await row('Allocation 1'), 'Goal', /Spring awareness/);
    await fill('Percent', '60', await row('Allocation 1'));
    await press('Add allocation');
    await pick(await row('Allocation 2'), 'Goal', /Summer sales/);
    await fill('Percent', '40', await row('Allocation 2'));

    await press('Save');

    expect(saved).toEqual([
      {
        agencyId: 'agency-1',
        businessUnitId: 'unit-1',
        ownerId: 'user-2',
        reference: 'SOW-2026-014',
        title: 'Always-on social',
        scope: 'Three feed posts a week on Instagram.',
        startDate: '2026-03-01',
        endDate: '2026-12-31',
        currency: 'KRW',
        budgetCapMinor: 50000000,
        renewalNoticeDays: 30,
        internalNotes: '',
        rateCard: [
          { code: 'POST', description: 'Feed post', unit: 'deliverable', unitPriceMinor: 300000 },
          { code: 'HOUR', description: 'Community management', unit: 'hour', unitPriceMinor: 45000 },
          { code: 'RET', description: 'Monthly retainer', unit: 'month', unitPriceMinor: 2500000 },
        ],
        allocations: [
          { goalId: 'goal-1', percent: 60 },
          { goalId: 'goal-2', percent: 40 },
        ],
      },
    ]);
    expect(fakeLookupSet('goals').searches).toContainEqual({
      term: '',
      filter: { businessUnitId: 'unit-1' },
    });
  });

  it('should emit cents when the contract is in USD', async () => {
    await fillContract('USD', '12,500.50');
    await press('Add rate card item');
    const item = await row('Rate card item 1');
    await fill('Code', 'POST', item);
    await fill('Description', 'Feed post', item);
    await choose('Unit', 'per deliverable', item);
    await fill('Unit price', '0.29', item);

    await press('Save');

    expect(saved).toHaveLength(1);
    expect(saved[0].budgetCapMinor).toBe(1250050);
    expect(saved[0].rateCard[0].unitPriceMinor).toBe(29);
  });

  it('should refuse decimals in the budget cap when the currency is KRW', async () => {
    await fillContract('KRW', '1500.5');

    await press('Save');

    expect(await (await field('Budget cap')).getTextErrors()).toEqual([
      'Enter an amount in KRW with no decimals.',
    ]);
    expect(saved).toEqual([]);
  });

  it('should show the running total and an error when the allocations exceed 100%', async () => {
    await fillContract('KRW', '1000000');
    await press('Add allocation');
    await pick(await row('Allocation 1'), 'Goal', /Spring awareness/);
    await fill('Percent', '70', await row('Allocation 1'));
    await press('Add allocation');
    await pick(await row('Allocation 2'), 'Goal', /Summer sales/);
    await fill('Percent', '40', await row('Allocation 2'));

    await press('Save');

    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="allocation-total"]')?.textContent).toBe('110%');
    expect(element.textContent).toContain('Allocations add up to 110%');
    expect(saved).toEqual([]);
  });

  it('should put a rate card error on its row when the API names the row field', async () => {
    await press('Add rate card item');
    await press('Add rate card item');

    fixture.componentRef.setInput('serverError', {
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: {
        fields: [
          { field: 'rateCard.1.code', messages: ['Codes must be unique.'] },
          { field: 'allocations.4.percent', messages: ['Too much.'] },
        ],
      },
    });
    await fixture.whenStable();

    expect(await (await field('Code', await row('Rate card item 2'))).getTextErrors()).toEqual([
      'Codes must be unique.',
    ]);
    expect(await (await field('Code', await row('Rate card item 1'))).getTextErrors()).not.toContain(
      'Codes must be unique.',
    );
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Too much.');
  });

  it('should lock currency, dates and reference when the contract is active', async () => {
    fixture.componentRef.setInput('contract', existing('active'));
    await fixture.whenStable();

    expect(await (await field('Currency')).isDisabled()).toBe(true);
    expect(await (await field('Start date')).isDisabled()).toBe(true);
    expect(await (await field('Reference')).isDisabled()).toBe(true);
    expect(await (await field('Title')).isDisabled()).toBe(false);
    expect(await (await field('Budget cap')).isDisabled()).toBe(false);
    const budgetCap = (await (await field('Budget cap')).getControl(MatInputHarness)) as MatInputHarness;
    expect(await budgetCap.getValue()).toBe('50,000,000');
  });

  it('should keep what the person typed when they change the currency of a draft', async () => {
    fixture.componentRef.setInput('contract', existing('draft'));
    await fixture.whenStable();

    await fill('Title', 'Winter content');
    await choose('Currency', 'USD');
    await fixture.whenStable();

    const title = (await (await field('Title')).getControl(MatInputHarness)) as MatInputHarness;
    expect(await title.getValue()).toBe('Winter content');
    expect(await (await (await field('Currency')).getControl(MatSelectHarness))?.getValueText()).toBe('USD');
  });
});
