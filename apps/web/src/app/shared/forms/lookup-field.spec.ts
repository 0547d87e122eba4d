import type { HarnessLoader } from '@angular/cdk/testing';
import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { Lookups } from '../../core/lookups/lookups';
import { fakeLookupSet, provideFakeLookups, searchesSettle } from '../../testing/lookups';
import { LOOKUP_DEBOUNCE, LookupField } from './lookup-field';

const DEBOUNCE_MS = 300;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

@Component({
  selector: 'ap-lookup-host',
  imports: [LookupField, ReactiveFormsModule],
  template: `<ap-lookup-field
    [label]="label"
    required
    [source]="lookups.users"
    [filter]="filter"
    [formControl]="owner"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class LookupHost {
  protected readonly lookups = inject(Lookups);
  readonly label = 'Owner';
  readonly filter = { kind: 'in_house' } as const;
  readonly owner = new FormControl('', { nonNullable: true, validators: Validators.required });
}

describe('LookupField', () => {
  let fixture: ComponentFixture<LookupHost>;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LookupHost],
      providers: [
        provideFakeLookups({
          users: [
            { id: 'user-1', label: 'Ada Admin', detail: 'ada@brand.test' },
            { id: 'user-2', label: 'Sam Lead', detail: 'sam@brand.test' },
            { id: 'user-3', label: 'Samira Social', detail: 'samira@brand.test' },
          ],
        }),
        // A real pause, short enough for a test: typing must rest before the list route is asked.
        { provide: LOOKUP_DEBOUNCE, useValue: DEBOUNCE_MS },
      ],
    });
    fixture = TestBed.createComponent(LookupHost);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function autocomplete(): Promise<MatAutocompleteHarness> {
    return loader.getHarness(MatAutocompleteHarness);
  }

  async function rest(): Promise<void> {
    await sleep(DEBOUNCE_MS + 100);
    await searchesSettle();
    await fixture.whenStable();
  }

  it('should search once, for what was typed, when typing rests', async () => {
    const input = await autocomplete();

    await input.focus();
    // A person types a letter at a time, faster than the pause the field waits for.
    for (const letter of 'Sam') {
      await input.enterText(letter);
      await sleep(30);
    }
    const whileTyping = [...fakeLookupSet('users').searches];
    await rest();

    expect(whileTyping).toEqual([]);
    expect(fakeLookupSet('users').searches).toEqual([{ term: 'Sam', filter: { kind: 'in_house' } }]);
    const options = await input.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Sam Lead sam@brand.test',
      'Samira Social samira@brand.test',
    ]);
  });

  it('should list the first choices when the field gets the focus', async () => {
    const input = await autocomplete();

    await input.focus();
    await rest();

    expect(fakeLookupSet('users').searches).toEqual([{ term: '', filter: { kind: 'in_house' } }]);
    expect(await input.getOptions()).toHaveLength(3);
  });

  it('should choose with the arrow keys and Enter, and show the chosen name', async () => {
    const input = await autocomplete();
    const host = await input.host();

    await input.focus();
    await input.enterText('Sam');
    await rest();
    await host.sendKeys(TestKey.DOWN_ARROW, TestKey.DOWN_ARROW, TestKey.ENTER);
    await fixture.whenStable();

    expect(fixture.componentInstance.owner.value).toBe('user-3');
    expect(await input.getValue()).toBe('Samira Social');
    expect(await input.isOpen()).toBe(false);
  });

  it('should show the name of the record the form holds, and go back to it when typing chose nothing', async () => {
    fixture.componentInstance.owner.setValue('user-1');
    await fixture.whenStable();
    const input = await autocomplete();
    expect(await input.getValue()).toBe('Ada Admin');

    await input.focus();
    await input.enterText('zzz');
    await rest();
    expect(await input.getOptions({ text: 'Nothing matches.' })).toHaveLength(1);
    await (await input.host()).sendKeys(TestKey.ESCAPE);
    await fixture.whenStable();

    expect(await input.getValue()).toBe('Ada Admin');
    expect(fixture.componentInstance.owner.value).toBe('user-1');
  });

  it('should show the required error once the form is submitted without a choice', async () => {
    fixture.componentInstance.owner.markAsTouched();
    await fixture.whenStable();

    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Owner' }));
    expect(await field.getTextErrors()).not.toEqual([]);
  });
});
