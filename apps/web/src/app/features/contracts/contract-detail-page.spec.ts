import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppliedPolicyDto, ContractDetailDto, SessionUser } from '@agency-portal/shared';
import { of } from 'rxjs';
import { openDialogText, pressInDialog } from '../../testing/dialogs';
import { aContract, aSessionUser, aStep } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { ApprovalPolicyService } from '../approval-policies/approval-policy.service';
import { ContractDetailPage } from './contract-detail-page';
import { ContractService } from './contract.service';

const INHERITED_POLICY: AppliedPolicyDto = {
  source: 'coe_template',
  explanation: 'Inherited from the CoE template of Global Social',
  policyId: 'policy-1',
  name: 'Brand and legal review',
  steps: [
    aStep({ name: 'Brand review', approverRole: 'reviewer', slaHours: 24 }),
    aStep({ name: 'Legal', approverUserIds: ['user-9'], slaHours: 48 }),
  ],
};

const SIGNED = {
  id: 'file-1',
  fileName: 'sow-2026-014-signed.pdf',
  sizeBytes: 245760,
  sha256: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
  uploadedAt: '2026-02-20T10:00:00.000Z',
};

async function renderPage(
  user: SessionUser,
  contract: ContractDetailDto,
): Promise<{
  fixture: ComponentFixture<ContractDetailPage>;
  element: HTMLElement;
  service: { activate: jest.Mock };
}> {
  const service = {
    get: jest.fn(() => of(contract)),
    activate: jest.fn(() => of({ ...contract, status: 'active', activatedAt: '2026-03-01T00:00:00.000Z' })),
  };
  TestBed.configureTestingModule({
    imports: [ContractDetailPage],
    providers: [
      provideRouter([]),
      { provide: ContractService, useValue: service },
      { provide: ApprovalPolicyService, useValue: { effectiveForContract: () => of(INHERITED_POLICY) } },
      provideSignedIn(user),
    ],
  });
  const fixture: ComponentFixture<ContractDetailPage> = TestBed.createComponent(ContractDetailPage);
  fixture.componentRef.setInput('id', contract.id);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement, service };
}

function buttonNames(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('button'), (button) => button.textContent?.trim() ?? '');
}

function button(element: HTMLElement, name: string): HTMLButtonElement | undefined {
  return Array.from(element.querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === name,
  );
}

function headings(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('h1, h2'), (heading) => heading.textContent?.trim() ?? '');
}

describe('ContractDetailPage', () => {
  it('should offer no lifecycle actions nor upload when the user cannot manage contracts', async () => {
    const { element } = await renderPage(
      aSessionUser({ role: 'finance' }),
      aContract({ status: 'active', signedDocument: SIGNED }),
    );

    const names = buttonNames(element);

    expect(names).not.toContain('Activate');
    expect(names).not.toContain('Terminate');
    expect(names).not.toContain('Edit');
    expect(names).not.toContain('Upload signed PDF');
    expect(element.querySelector('input[type="file"]')).toBeNull();
    expect(names).toContain('Download');
  });

  it('should show the title, the status and the sections when the contract is loaded', async () => {
    const { element } = await renderPage(aSessionUser({ role: 'social_lead' }), aContract());

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Always-on social');
    expect(element.querySelector('[data-testid="contract-status"]')?.textContent?.trim()).toBe('Draft');
    expect(headings(element)).toEqual([
      'Always-on social',
      'Summary',
      'Budget',
      'Rate card',
      'Goal allocations',
      'Approval policy',
      'Signed document',
      'Internal notes',
    ]);
    expect(
      element.querySelector('[data-testid="budget-remaining"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toBe('KRW 38,000,000');
  });

  it('should disable Activate with a hint when a draft has no signed document', async () => {
    const { element } = await renderPage(aSessionUser({ role: 'social_lead' }), aContract());

    expect(button(element, 'Activate')?.disabled).toBe(true);
    expect(element.textContent).toContain('Upload the signed PDF to activate.');
    expect(button(element, 'Upload signed PDF')).toBeDefined();
    expect(element.querySelector('label[for]')?.textContent?.trim()).toBe('Signed document (PDF)');
  });

  it('should activate the contract when a draft with a signed document is activated', async () => {
    const { fixture, element, service } = await renderPage(
      aSessionUser({ role: 'social_lead' }),
      aContract({ signedDocument: SIGNED }),
    );

    button(element, 'Activate')?.click();
    await fixture.whenStable();
    await pressInDialog('Activate');
    await fixture.whenStable();

    expect(service.activate).toHaveBeenCalledWith('contract-1');
    expect(element.querySelector('[data-testid="contract-status"]')?.textContent?.trim()).toBe('Active');
    expect(button(element, 'Terminate')).toBeDefined();
  });

  it('should say what activating means and change nothing when the confirmation is cancelled', async () => {
    const { fixture, element, service } = await renderPage(
      aSessionUser({ role: 'social_lead' }),
      aContract({ signedDocument: SIGNED }),
    );

    button(element, 'Activate')?.click();
    await fixture.whenStable();
    const asked = openDialogText();
    await pressInDialog('Cancel');
    await fixture.whenStable();

    expect(asked).toContain('Activate SOW-2026-014?');
    expect(asked).toContain('cannot go back to draft');
    expect(service.activate).not.toHaveBeenCalled();
    expect(element.querySelector('[data-testid="contract-status"]')?.textContent?.trim()).toBe('Draft');
  });

  it('should hide the internal notes when the response has none, as for agency users', async () => {
    const { internalNotes: _notes, ...withoutNotes } = aContract({ status: 'active' });

    const { element } = await renderPage(
      aSessionUser({ role: 'agency_member', agencyId: 'agency-1', agencyName: 'Bright Social' }),
      withoutNotes,
    );

    expect(headings(element)).not.toContain('Internal notes');
    expect(buttonNames(element)).not.toContain('Terminate');
  });

  it('should show the effective approval policy and why, with an override offered, when an admin reads the contract', async () => {
    const { element } = await renderPage(aSessionUser({ role: 'admin' }), aContract({ status: 'active' }));

    expect(element.querySelector('[data-testid="contract-policy-name"]')?.textContent?.trim()).toBe(
      'Brand and legal review',
    );
    expect(element.querySelector('[data-testid="contract-policy-explanation"]')?.textContent).toContain(
      'Inherited from the CoE template',
    );
    expect(buttonNames(element)).toContain('Override for this contract');
  });

  it('should show the approval policy without changing it when a social lead reads the contract', async () => {
    const { element } = await renderPage(
      aSessionUser({ role: 'social_lead' }),
      aContract({ status: 'active' }),
    );

    expect(headings(element)).toContain('Approval policy');
    expect(buttonNames(element)).not.toContain('Override for this contract');
  });
});
