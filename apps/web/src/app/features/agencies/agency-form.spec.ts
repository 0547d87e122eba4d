import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipListboxHarness } from '@angular/material/chips/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { CreateAgencyRequest } from '@agency-portal/shared';
import { pick, provideFakeLookups } from '../../testing/lookups';
import { AgencyForm } from './agency-form';

describe('AgencyForm', () => {
  let fixture: ComponentFixture<AgencyForm>;
  let loader: HarnessLoader;
  let saved: CreateAgencyRequest[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AgencyForm],
      providers: provideFakeLookups({
        users: [
          { id: 'user-1', label: 'Ada Admin', detail: 'ada@brand.test' },
          { id: 'user-2', label: 'Sam Lead', detail: 'sam@brand.test' },
        ],
      }),
    });
    fixture = TestBed.createComponent(AgencyForm);
    saved = [];
    fixture.componentInstance.save.subscribe((request) => saved.push(request));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fill(label: string, value: string): Promise<void> {
    await ((await (await field(label)).getControl(MatInputHarness)) as MatInputHarness).setValue(value);
  }

  async function save(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
  }

  it('should ask for a service and an owner when they are missing', async () => {
    await fill('Name', 'Bright Social');
    await fill('Legal name', 'Bright Social Ltd');

    await save();

    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent).toContain('Choose at least one service.');
    expect(await (await field('Relationship owner')).getTextErrors()).toEqual(['This field is required.']);
    expect(saved).toEqual([]);
  });

  it('should emit the agency when every field is filled in', async () => {
    await fill('Name', ' Bright Social ');
    await fill('Legal name', 'Bright Social Ltd');
    const services = await loader.getHarness(MatChipListboxHarness);
    await services.selectChips({ text: 'Creative' });
    await services.selectChips({ text: 'Paid media' });
    await pick(loader, 'Relationship owner', /Sam Lead/, 'sam');

    await save();

    expect(saved).toEqual([
      {
        name: 'Bright Social',
        legalName: 'Bright Social Ltd',
        services: ['creative', 'paid_media'],
        relationshipOwnerId: 'user-2',
      },
    ]);
  });

  it('should show a blank-name message when the name is only spaces', async () => {
    await fill('Name', '   ');

    await save();

    expect(await (await field('Name')).getTextErrors()).toEqual(['This field cannot be blank.']);
  });
});
