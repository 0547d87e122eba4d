import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import type { DeliverableDetailDto, SessionUser } from '@agency-portal/shared';
import { deliverableActions } from '@agency-portal/shared';
import { of, throwError } from 'rxjs';
import { Notifier } from '../../core/notify/notifier';
import { openDialogText, pressInDialog } from '../../testing/dialogs';
import { aComment, aDeliverable, aPage, aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { provideFakeLookups } from '../../testing/lookups';
import { DeliverableDetailPage } from './deliverable-detail-page';
import { DeliverableService } from './deliverable.service';
import { UploadPanel } from './upload-panel';

jest.mock('tus-js-client', () => ({ Upload: jest.fn() }));

const LEAD = aSessionUser({ id: 'user-2', role: 'social_lead', name: 'Sam Lead' });
const LEGAL = aSessionUser({ id: 'user-legal', role: 'reviewer', name: 'Lee Legal' });
const AGENCY = aSessionUser({
  id: 'user-7',
  role: 'agency_member',
  agencyId: 'agency-1',
  agencyName: 'Bright Social',
});

/** What the API answers: the deliverable with the actions it allows this user (its brief in progress). */
function answeredFor(user: SessionUser, deliverable: DeliverableDetailDto): DeliverableDetailDto {
  const facts = {
    ...deliverable,
    briefStatus: 'in_progress' as const,
    hasVersion: deliverable.versions.length > 0,
    steps: deliverable.policy.steps,
    contractOwnerId: deliverable.contractOwner.id,
    decisions: deliverable.decisions
      .filter((decision) => decision.versionId === deliverable.versions[0]?.id)
      .map((decision) => ({ stepIndex: decision.stepIndex, approverId: decision.approver.id })),
  };
  return { ...deliverable, allowedActions: deliverableActions(facts, user) };
}

interface Rendered {
  fixture: ComponentFixture<DeliverableDetailPage>;
  element: HTMLElement;
  service: { get: jest.Mock; decide: jest.Mock; comments: jest.Mock; submitVersion: jest.Mock };
}

async function renderPage(
  user: SessionUser,
  deliverable: DeliverableDetailDto,
  decide: jest.Mock = jest.fn(() => of(deliverable)),
): Promise<Rendered> {
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:preview'), revokeObjectURL: jest.fn() });
  const service = {
    get: jest.fn(() => of(answeredFor(user, deliverable))),
    comments: jest.fn(() => of(aPage([]))),
    fileContent: jest.fn(() => of(new Blob(['png']))),
    decide,
    submitVersion: jest.fn(),
  };
  TestBed.configureTestingModule({
    imports: [DeliverableDetailPage],
    providers: [
      provideRouter([]),
      { provide: DeliverableService, useValue: service },
      ...provideFakeLookups(),
      { provide: Notifier, useValue: { success: jest.fn(), error: jest.fn() } },
      provideSignedIn(user, { accessToken: signal('token') }),
    ],
  });
  const fixture = TestBed.createComponent(DeliverableDetailPage);
  fixture.componentRef.setInput('id', deliverable.id);
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

describe('DeliverableDetailPage', () => {
  it('should show the status, the version tab and the policy with its explanation when loaded', async () => {
    const { element } = await renderPage(LEAD, aDeliverable());

    expect(element.querySelector('[data-testid="deliverable-status"]')?.textContent?.trim()).toBe(
      'In review',
    );
    expect(Array.from(element.querySelectorAll('[role="tab"]'), (tab) => tab.textContent?.trim())).toEqual([
      'Version 1',
    ]);
    expect(element.querySelector('[data-testid="policy-explanation"]')?.textContent).toContain(
      'Inherited from the CoE template',
    );
    expect(element.querySelector('img')?.getAttribute('alt')).toBe('post.png');
  });

  it('should offer Approve, Request changes and Reject when the current step is the user’s to decide', async () => {
    const { element } = await renderPage(LEAD, aDeliverable());

    expect(buttonNames(element)).toEqual(expect.arrayContaining(['Approve', 'Request changes', 'Reject']));
  });

  it('should put the decision in the review side panel, before the steps, naming the version and step', async () => {
    const { element } = await renderPage(LEAD, aDeliverable());

    const aside = element.querySelector('aside.ap-review-aside') as HTMLElement;
    const bar = aside.querySelector('[data-testid="decision-bar"]') as HTMLElement;
    expect(aside.firstElementChild).toBe(bar);
    expect(bar.textContent).toContain('Your decision on version 1');
    expect(Array.from(bar.querySelectorAll('button')).map((b) => b.textContent?.trim())).toEqual([
      'Approve',
      'Request changes',
      'Reject',
    ]);
  });

  it('should offer no decision when the current step belongs to someone else', async () => {
    const { element } = await renderPage(LEGAL, aDeliverable());

    expect(buttonNames(element)).not.toContain('Approve');
  });

  it('should offer the legal reviewer a decision when the lead has approved step 1', async () => {
    const { element } = await renderPage(LEGAL, aDeliverable({ currentStep: 1 }));

    expect(buttonNames(element)).toContain('Approve');
  });

  it('should offer no decision to the agency and let it upload when changes were requested', async () => {
    const { element } = await renderPage(
      AGENCY,
      aDeliverable({ status: 'changes_requested', currentStep: null }),
    );

    expect(buttonNames(element)).not.toContain('Approve');
    expect(element.querySelector('label[for]')?.textContent?.trim()).toBe('Files');
    expect(button(element, 'Submit version')?.disabled).toBe(true);
    expect(element.textContent).toContain('Upload version 2');
  });

  it('should approve the latest version at the current step when Approve is pressed', async () => {
    const approved = aDeliverable({ status: 'in_review', currentStep: 1 });
    const { fixture, element, service } = await renderPage(
      LEAD,
      aDeliverable(),
      jest.fn(() => of(approved)),
    );

    button(element, 'Approve')?.click();
    await fixture.whenStable();
    const asked = openDialogText();
    await pressInDialog('Approve');
    await fixture.whenStable();

    expect(asked).toContain('Approve: version 1');
    expect(service.decide).toHaveBeenCalledWith('deliverable-1', {
      versionId: 'version-1',
      stepIndex: 0,
      decision: 'approve',
      comment: '',
    });
    expect(buttonNames(element)).not.toContain('Approve');
  });

  it('should not approve when the approval is not confirmed', async () => {
    const { fixture, element, service } = await renderPage(LEAD, aDeliverable());

    button(element, 'Approve')?.click();
    await fixture.whenStable();
    await pressInDialog('Cancel');
    await fixture.whenStable();

    expect(service.decide).not.toHaveBeenCalled();
    expect(buttonNames(element)).toContain('Approve');
  });

  it('should say someone decided first and reload when the decision answers 409', async () => {
    const conflict = new HttpErrorResponse({
      status: 409,
      error: {
        code: 'conflict',
        message: 'The deliverable changed.',
        details: { current: { status: 'in_review', currentStep: 1, currentVersionId: 'version-1' } },
      },
    });
    const { fixture, element, service } = await renderPage(
      LEAD,
      aDeliverable(),
      jest.fn(() => throwError(() => conflict)),
    );
    service.get.mockReturnValue(of(aDeliverable({ currentStep: 1 })));

    button(element, 'Approve')?.click();
    await fixture.whenStable();
    await pressInDialog('Approve');
    await fixture.whenStable();

    expect(element.querySelector('[data-testid="decision-conflict"]')?.textContent).toContain(
      'Someone decided first',
    );
    expect(service.get).toHaveBeenCalledTimes(2);
    expect(buttonNames(element)).not.toContain('Approve');
  });

  it('should show every decision in the history when versions were reviewed before', async () => {
    const { element } = await renderPage(
      AGENCY,
      aDeliverable({
        status: 'approved',
        currentStep: null,
        decisions: [
          {
            id: 'd1',
            versionId: 'version-1',
            versionNumber: 1,
            stepIndex: 0,
            stepName: 'Brand review',
            approver: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
            decision: 'approve',
            comment: null,
            decidedAt: '2026-03-06T09:00:00.000Z',
          },
          {
            id: 'd2',
            versionId: 'version-1',
            versionNumber: 1,
            stepIndex: 1,
            stepName: 'Legal',
            approver: { id: 'user-legal', name: 'Lee Legal', email: 'legal@brand.test' },
            decision: 'approve',
            comment: 'Claims checked.',
            decidedAt: '2026-03-07T09:00:00.000Z',
          },
        ],
      }),
    );

    const rows = Array.from(element.querySelectorAll('table[aria-label="Decision history"] tbody tr'));

    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Lee Legal');
    expect(rows[0].textContent).toContain('Claims checked.');
    expect(element.querySelector('[data-testid="step-2"]')?.textContent).toContain('Done');
  });

  it('should show the new version with its own, empty, comments when the agency submits a version', async () => {
    const first = aDeliverable({ status: 'changes_requested', currentStep: null });
    const v1 = first.versions[0];
    if (!v1) throw new Error('fixture without a version');
    const v2 = {
      ...v1,
      id: 'version-2',
      number: 2,
      copyText: 'Spring is really here.',
      files: [{ ...v1.files[0], id: 'file-2', fileName: 'post-v2.png' }],
    };
    const resubmitted = answeredFor(
      AGENCY,
      aDeliverable({ status: 'in_review', currentStep: 0, latestVersionNumber: 2, versions: [v2, v1] }),
    );
    const { fixture, element, service } = await renderPage(AGENCY, first);
    service.comments.mockImplementation((versionId: string) =>
      of(aPage(versionId === 'version-1' ? [aComment({ body: 'Make the logo larger.' })] : [])),
    );
    service.submitVersion.mockReturnValue(of(resubmitted));
    await fixture.whenStable();

    const upload = fixture.debugElement.query(By.directive(UploadPanel)).componentInstance as UploadPanel;
    upload.submitVersion.emit({ fileIds: ['file-2'], copyText: 'Spring is really here.' });
    await fixture.whenStable();

    const selected = element.querySelector('[role="tab"][aria-selected="true"]');
    expect(selected?.textContent?.trim()).toBe('Version 2');
    expect(element.querySelector('[data-testid="version-copy"]')?.textContent?.trim()).toBe(
      'Spring is really here.',
    );
    expect(element.querySelector('img')?.getAttribute('alt')).toBe('post-v2.png');
    expect(service.comments).toHaveBeenLastCalledWith('version-2', expect.anything());
    expect(element.textContent).not.toContain('Make the logo larger.');
  });
});
