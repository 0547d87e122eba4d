import { HttpErrorResponse } from '@angular/common/http';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BriefDetailDto, SessionUser } from '@agency-portal/shared';
import { of, throwError } from 'rxjs';
import { Notifier } from '../../core/notify/notifier';
import { openDialogText, pressInDialog } from '../../testing/dialogs';
import { aBrief, aContract, aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { ContractService } from '../contracts/contract.service';
import { BriefDetailPage } from './brief-detail-page';
import { BriefService } from './brief.service';

/** Cap 50m, committed 12m: a 40m brief would go past it. */
const CONTRACT = aContract({ status: 'active' });
const OWNER = aSessionUser({ id: 'user-2', role: 'social_lead' });
const OTHER_LEAD = aSessionUser({ id: 'user-3', role: 'social_lead' });
const AGENCY = aSessionUser({ id: 'user-7', role: 'agency_member', agencyId: 'agency-1' });

async function renderPage(
  user: SessionUser,
  brief: BriefDetailDto,
  accept: jest.Mock = jest.fn(() => of(brief)),
  send: jest.Mock = jest.fn(() => of(brief)),
): Promise<{ fixture: ComponentFixture<BriefDetailPage>; element: HTMLElement }> {
  TestBed.configureTestingModule({
    imports: [BriefDetailPage],
    providers: [
      provideRouter([]),
      { provide: BriefService, useValue: { get: () => of(brief), accept, send } },
      { provide: ContractService, useValue: { get: () => of(CONTRACT) } },
      { provide: Notifier, useValue: { success: jest.fn(), error: jest.fn() } },
      provideSignedIn(user),
    ],
  });
  const fixture = TestBed.createComponent(BriefDetailPage);
  fixture.componentRef.setInput('id', brief.id);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

function buttonNames(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('button'), (button) => button.textContent?.trim() ?? '');
}

function press(element: HTMLElement, name: string): void {
  Array.from(element.querySelectorAll('button'))
    .find((button) => button.textContent?.trim() === name)
    ?.click();
}

function headings(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('h1, h2'), (heading) => heading.textContent?.trim() ?? '');
}

describe('BriefDetailPage', () => {
  it('should show the sections and the status when a brief is loaded', async () => {
    const { element } = await renderPage(OWNER, aBrief());

    expect(headings(element)).toEqual([
      'Spring launch reels',
      'Summary',
      'Budget',
      'Deliverable specs',
      'Deliverables',
    ]);
    expect(element.querySelector('[data-testid="brief-status"]')?.textContent?.trim()).toBe('Sent');
    expect(element.querySelector('a[href="/goals/goal-1"]')?.textContent?.trim()).toBe('Spring awareness');
  });

  it('should warn and offer Override budget to the contract owner when the estimate would exceed the cap', async () => {
    const { element } = await renderPage(OWNER, aBrief({ budgetEstimateMinor: 40000000 }));

    expect(
      element.querySelector('[data-testid="brief-over-cap"]')?.textContent?.replace(/\s+/g, ' '),
    ).toContain('past its budget cap by KRW');
    expect(buttonNames(element)).toEqual(['Override budget', 'Cancel brief']);
  });

  it('should not offer Override budget to a lead who does not own the contract', async () => {
    const { element } = await renderPage(OTHER_LEAD, aBrief({ budgetEstimateMinor: 40000000 }));

    expect(buttonNames(element)).toEqual(['Cancel brief']);
  });

  it('should show the recorded override with its reason when the budget was overridden', async () => {
    const { element } = await renderPage(
      AGENCY,
      aBrief({
        budgetEstimateMinor: 40000000,
        budgetOverride: {
          reason: 'Launch priority.',
          by: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
          at: '2026-03-03T09:00:00.000Z',
        },
      }),
    );

    expect(element.querySelector('[data-testid="brief-budget-override"]')?.textContent).toContain(
      'Launch priority.',
    );
    expect(buttonNames(element)).toEqual(['Accept', 'Decline']);
  });

  it('should explain the cap with its figures when accepting is refused over budget', async () => {
    const refusal = new HttpErrorResponse({
      status: 409,
      error: {
        code: 'invalid_state',
        message: 'Accepting this brief would take the contract past its budget cap.',
        details: { capMinor: 50000000, committedMinor: 12000000, estimateMinor: 40000000 },
      },
    });
    const { fixture, element } = await renderPage(
      AGENCY,
      aBrief({ budgetEstimateMinor: 40000000 }),
      jest.fn(() => throwError(() => refusal)),
    );

    press(element, 'Accept');
    await fixture.whenStable();
    await pressInDialog('Accept brief');
    await fixture.whenStable();

    const alert = element
      .querySelector('[data-testid="brief-cap-refusal"]')
      ?.textContent?.replace(/\s+/g, ' ');
    expect(alert).toContain('past its budget cap');
    expect(alert).toMatch(/Cap KRW.50,000,000, already committed KRW.12,000,000, this brief KRW.40,000,000/);
  });

  it('should send the brief only once the lead confirms what sending means', async () => {
    const draft = aBrief({ status: 'draft' });
    const send = jest.fn(() => of({ ...draft, status: 'sent' as const }));
    const { fixture, element } = await renderPage(OWNER, draft, undefined, send);

    press(element, 'Send to agency');
    await fixture.whenStable();
    const asked = openDialogText();
    expect(send).not.toHaveBeenCalled();
    await pressInDialog('Send brief');
    await fixture.whenStable();

    expect(asked).toContain('Send “Spring launch reels” to Bright Social?');
    expect(asked).toContain('can no longer be edited');
    expect(send).toHaveBeenCalledWith('brief-1');
    expect(element.querySelector('[data-testid="brief-status"]')?.textContent?.trim()).toBe('Sent');
  });

  it('should not accept the brief when the agency cancels the confirmation', async () => {
    const accept = jest.fn(() => of(aBrief({ status: 'accepted' })));
    const { fixture, element } = await renderPage(AGENCY, aBrief(), accept);

    press(element, 'Accept');
    await fixture.whenStable();
    const asked = openDialogText();
    await pressInDialog('Cancel');
    await fixture.whenStable();

    expect(asked).toMatch(
      /deliver it by Apr 15, 2026\. Its estimate of KRW.600,000 is committed against SOW-2026-014/,
    );
    expect(accept).not.toHaveBeenCalled();
  });

  it('should list the deliverables with cut-downs under their master when the brief was accepted', async () => {
    const base = {
      briefId: 'brief-1',
      rateCardCode: 'POST',
      channel: null,
      dueDate: '2026-04-10',
      latestVersionNumber: null,
      currentStep: null,
      stepDueAt: null,
      thumbnail: null,
    } as const;
    const { element } = await renderPage(
      OWNER,
      aBrief({
        status: 'in_progress',
        deliverables: [
          { ...base, id: 'd1', title: 'Feed post 1', status: 'approved', derivedFromId: null },
          { ...base, id: 'd2', title: 'Feed post 2', status: 'draft', derivedFromId: null },
          { ...base, id: 'd3', title: 'Story cut', status: 'draft', derivedFromId: 'd1' },
        ],
      }),
    );

    const rows = Array.from(element.querySelectorAll('table[aria-label="Deliverables"] tbody tr'), (row) => [
      row.querySelector('a')?.textContent?.trim(),
      row.querySelector('.mat-column-title .ap-secondary')?.textContent?.trim() ?? null,
    ]);

    expect(rows).toEqual([
      ['Feed post 1', null],
      ['Story cut', 'Cut from Feed post 1'],
      ['Feed post 2', null],
    ]);
  });
});
