import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipListboxHarness } from '@angular/material/chips/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CreateBriefRequest } from '@agency-portal/shared';
import { aBrief, aContract } from '../../testing/fixtures';
import { pick, provideFakeLookups } from '../../testing/lookups';
import { BriefForm, keyMessagesFrom } from './brief-form';

/** Intl puts a no-break space between the code and the amount. */
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim();
}

const CONTRACT = aContract({
  status: 'active',
  rateCard: [
    { id: 'item-1', code: 'POST', description: 'Feed post', unit: 'deliverable', unitPriceMinor: 300000 },
    { id: 'item-2', code: 'REEL', description: 'Reel', unit: 'deliverable', unitPriceMinor: 1500000 },
  ],
  allocations: [
    { goalId: 'goal-1', goalName: 'Spring awareness', percent: 60, allocatedMinor: 30000000 },
    { goalId: 'goal-2', goalName: 'Summer sales', percent: 40, allocatedMinor: 20000000 },
  ],
});

describe('BriefForm', () => {
  let fixture: ComponentFixture<BriefForm>;
  let loader: HarnessLoader;
  let saved: CreateBriefRequest[];
  let chosenContracts: string[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BriefForm],
      providers: provideFakeLookups({
        contracts: [{ id: 'contract-1', label: 'SOW-2026-014', detail: 'Always-on social · Bright Social' }],
      }),
    });
    fixture = TestBed.createComponent(BriefForm);
    saved = [];
    chosenContracts = [];
    fixture.componentInstance.save.subscribe((request) => saved.push(request));
    fixture.componentInstance.contractChange.subscribe((id) => chosenContracts.push(id));
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

  async function choose(
    label: string,
    options: (string | RegExp)[],
    within: HarnessLoader = loader,
  ): Promise<void> {
    const select = (await (await field(label, within)).getControl(MatSelectHarness)) as MatSelectHarness;
    await select.open();
    for (const option of options) {
      await select.clickOptions({ text: option });
    }
    await select.close();
  }

  async function press(name: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: name }))).click();
  }

  function row(index: number): Promise<HarnessLoader> {
    return loader.getChildLoader(`[role="group"][aria-label="Deliverable spec ${index}"]`);
  }

  async function chooseContract(): Promise<void> {
    await pick(loader, 'Contract', /SOW-2026-014/);
    fixture.componentRef.setInput('contract', CONTRACT);
    await fixture.whenStable();
  }

  function estimateTotal(): string {
    return plain(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="brief-estimate-total"]')
        ?.textContent,
    );
  }

  it('should ask the page for the contract when one is chosen', async () => {
    await chooseContract();

    expect(chosenContracts.at(-1)).toBe('contract-1');
  });

  it('should offer only the goals the contract is allocated to when a contract is chosen', async () => {
    await chooseContract();
    const goals = (await (await field('Goals')).getControl(MatSelectHarness)) as MatSelectHarness;

    await goals.open();
    const options = await goals.getOptions();

    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Spring awareness (60% of the budget)',
      'Summer sales (40% of the budget)',
    ]);
  });

  it('should show the live estimate as unit price times quantity when specs are added', async () => {
    await chooseContract();
    await press('Add deliverable spec');
    await press('Add deliverable spec');
    await choose('Rate card item', [/^POST — Feed post · KRW.300,000$/], await row(1));
    await fill('Quantity', '3', await row(1));
    await choose('Rate card item', [/^REEL — Reel · KRW.1,500,000$/], await row(2));

    expect(estimateTotal()).toBe('KRW 2,400,000');
  });

  it('should emit a CreateBriefRequest with one key message per line when the brief is complete', async () => {
    await chooseContract();
    await choose('Goals', ['Spring awareness (60% of the budget)']);
    await fill('Title', ' Spring launch reels ');
    await fill('Objective', 'Launch the spring range.');
    await fill('Audience', 'Women 25–34 in Seoul.');
    await fill('Key messages', 'Light as air\n\n  Made in Korea  ');
    const channels = await loader.getHarness(
      MatChipListboxHarness.with({ selector: '[aria-label="Channels"]' }),
    );
    await channels.selectChips({ text: 'Instagram' });
    await choose('Funnel stage', ['Awareness']);
    await fill('Due date', '2026-04-15');
    await press('Add deliverable spec');
    const spec = await row(1);
    await choose('Rate card item', [/^POST — Feed post · KRW.300,000$/], spec);
    await fill('Quantity', '2', spec);
    await choose('Channel', ['Instagram'], spec);

    await press('Save');

    expect(saved).toEqual([
      {
        contractId: 'contract-1',
        goalIds: ['goal-1'],
        title: 'Spring launch reels',
        objective: 'Launch the spring range.',
        audience: 'Women 25–34 in Seoul.',
        keyMessages: ['Light as air', 'Made in Korea'],
        channels: ['instagram'],
        funnelStage: 'awareness',
        dueDate: '2026-04-15',
        specs: [{ rateCardItemId: 'item-1', quantity: 2, dueDate: '2026-04-15', channel: 'instagram' }],
      },
    ]);
  });

  it('should not save and should ask for a spec when the brief has none', async () => {
    await chooseContract();

    await press('Save');

    expect(saved).toEqual([]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Add at least one deliverable spec.',
    );
  });

  it("should put the server's row error on the spec's quantity when the API refuses it", async () => {
    await chooseContract();
    await press('Add deliverable spec');

    fixture.componentRef.setInput('serverError', {
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: { fields: [{ field: 'specs.0.quantity', messages: ['Too many for this rate card item.'] }] },
    });
    await fixture.whenStable();

    expect(await (await field('Quantity', await row(1))).getTextErrors()).toEqual([
      'Too many for this rate card item.',
    ]);
  });

  it('should keep the contract fixed and fill the fields when a draft is edited', async () => {
    fixture.componentRef.setInput('brief', aBrief({ status: 'draft' }));
    fixture.componentRef.setInput('contract', CONTRACT);
    await fixture.whenStable();

    const contract = (await (await field('Contract')).getControl(MatInputHarness)) as MatInputHarness;
    expect(await contract.isDisabled()).toBe(true);
    expect(await contract.getValue()).toBe('SOW-2026-014');
    expect(
      await ((await (await field('Title')).getControl(MatInputHarness)) as MatInputHarness).getValue(),
    ).toBe('Spring launch reels');
    expect(estimateTotal()).toBe('KRW 600,000');
  });

  it('should split key messages by line, dropping blank ones, when they are typed one per line', () => {
    expect(keyMessagesFrom(' One \n\nTwo\n  ')).toEqual(['One', 'Two']);
  });
});
