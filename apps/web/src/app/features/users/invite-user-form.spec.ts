import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { InviteUserRequest } from '@agency-portal/shared';
import { assignableRoles } from '@agency-portal/shared';
import { pick, provideFakeLookups } from '../../testing/lookups';
import { InviteUserForm } from './invite-user-form';

describe('InviteUserForm', () => {
  let fixture: ComponentFixture<InviteUserForm>;
  let loader: HarnessLoader;
  let invited: InviteUserRequest[];

  async function render(inputs: Record<string, unknown>): Promise<void> {
    fixture = TestBed.createComponent(InviteUserForm);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    invited = [];
    fixture.componentInstance.invite.subscribe((request) => invited.push(request));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fill(label: string, value: string): Promise<void> {
    const input = (await (await field(label)).getControl(MatInputHarness)) as MatInputHarness;
    await input.setValue(value);
  }

  async function choose(label: string, option: string): Promise<void> {
    const select = (await (await field(label)).getControl(MatSelectHarness)) as MatSelectHarness;
    await select.open();
    await select.clickOptions({ text: option });
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Invite user' }))).click();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InviteUserForm],
      providers: provideFakeLookups({
        agencies: [
          { id: 'agency-1', label: 'Bright Social' },
          { id: 'agency-2', label: 'Northwind Social' },
        ],
      }),
    });
  });

  it('should show required messages and emit nothing when submitted empty', async () => {
    await render({ roleOptions: assignableRoles('admin') });

    await submit();

    expect(await (await field('Email')).getTextErrors()).toEqual(['This field is required.']);
    expect(await (await field('Name')).getTextErrors()).toEqual(['This field is required.']);
    expect(await (await field('Role')).getTextErrors()).toEqual(['This field is required.']);
    expect(invited).toEqual([]);
  });

  it('should reject the email when it is not an email address', async () => {
    await render({ roleOptions: assignableRoles('admin') });

    await fill('Email', 'not-an-email');
    await submit();

    expect(await (await field('Email')).getTextErrors()).toEqual(['Enter a valid email address.']);
  });

  it('should require an agency when the role is an agency role', async () => {
    await render({
      roleOptions: assignableRoles('admin'),
    });

    await fill('Email', 'mo@bright.test');
    await fill('Name', 'Mo Member');
    await choose('Role', 'Agency member');
    await submit();

    expect(await (await field('Agency')).getTextErrors()).toEqual(['This field is required.']);
    expect(invited).toEqual([]);
  });

  it('should emit the invitation with its agency when an agency is chosen', async () => {
    await render({
      roleOptions: assignableRoles('admin'),
    });

    await fill('Email', ' mo@bright.test ');
    await fill('Name', 'Mo Member');
    await choose('Role', 'Agency member');
    await pick(loader, 'Agency', 'Bright Social');
    await submit();

    expect(invited).toEqual([
      {
        email: 'mo@bright.test',
        name: 'Mo Member',
        role: 'agency_member',
        agencyId: 'agency-1',
        businessUnitId: null,
        locale: 'en',
        timeZone: null,
      },
    ]);
  });

  it('should send the language and time zone the invitee will work in when they are chosen', async () => {
    await render({
      roleOptions: assignableRoles('admin'),
    });

    await fill('Email', 'jiwoo@northwind.test');
    await fill('Name', 'Kim Jiwoo');
    await choose('Role', 'Agency member');
    await pick(loader, 'Agency', 'Northwind Social');
    await choose('Language', '한국어');
    await choose('Time zone', 'Asia/Seoul');
    await submit();

    expect(invited).toEqual([
      expect.objectContaining({ email: 'jiwoo@northwind.test', locale: 'ko', timeZone: 'Asia/Seoul' }),
    ]);
  });

  it('should hide the agency and send none when the role is in-house', async () => {
    await render({
      roleOptions: assignableRoles('admin'),
    });

    await fill('Email', 'fin@brand.test');
    await fill('Name', 'Fin Ance');
    await choose('Role', 'Finance');
    await submit();

    expect(
      await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: 'Agency' })),
    ).toHaveLength(0);
    expect(invited).toEqual([
      {
        email: 'fin@brand.test',
        name: 'Fin Ance',
        role: 'finance',
        agencyId: null,
        businessUnitId: null,
        locale: 'en',
        timeZone: null,
      },
    ]);
  });

  it('should fix the agency and offer only agency roles when the inviter is an agency admin', async () => {
    await render({
      roleOptions: assignableRoles('agency_admin'),
      fixedAgencyId: 'agency-1',
    });

    const roleSelect = (await (await field('Role')).getControl(MatSelectHarness)) as MatSelectHarness;
    await roleSelect.open();
    const roleNames = await Promise.all((await roleSelect.getOptions()).map((option) => option.getText()));
    await roleSelect.close();
    const agency = (await (await field('Agency')).getControl(MatInputHarness)) as MatInputHarness;

    await fill('Email', 'new@bright.test');
    await fill('Name', 'New Person');
    await submit();

    expect(roleNames).toEqual(['Agency admin', 'Agency member']);
    expect(await agency.isDisabled()).toBe(true);
    expect(await agency.getValue()).toBe('Bright Social');
    expect(invited).toEqual([expect.objectContaining({ role: 'agency_member', agencyId: 'agency-1' })]);
  });

  it('should show the server message under the field when the API rejects it', async () => {
    await render({ roleOptions: assignableRoles('admin') });

    fixture.componentRef.setInput('serverError', {
      code: 'email_taken',
      message: 'Someone already uses this email.',
      details: { fields: [{ field: 'email', messages: ['This email is already in use.'] }] },
    });
    await fixture.whenStable();

    expect(await (await field('Email')).getTextErrors()).toEqual(['This email is already in use.']);
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'Someone already uses this email.',
    );
  });
});
