import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { BriefAction, BriefStatus, Role } from '@agency-portal/shared';
import { BRIEF_STATUSES, ROLES, briefActions } from '@agency-portal/shared';
import { BriefActions } from './brief-actions';
import { BRIEF_ACTION_LABELS } from './brief-labels';

describe('BriefActions', () => {
  let fixture: ComponentFixture<BriefActions>;
  let acted: BriefAction[];

  async function render(status: BriefStatus, role: Role, offerBudgetOverride = false): Promise<HTMLElement> {
    fixture = TestBed.createComponent(BriefActions);
    fixture.componentRef.setInput('status', status);
    fixture.componentRef.setInput('role', role);
    fixture.componentRef.setInput('offerBudgetOverride', offerBudgetOverride);
    acted = [];
    fixture.componentInstance.act.subscribe((action) => acted.push(action));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function buttonNames(element: HTMLElement): string[] {
    return Array.from(element.querySelectorAll('button'), (button) => button.textContent?.trim() ?? '');
  }

  it('should offer exactly the actions of briefActions when the budget needs no override, for every status and role', async () => {
    for (const status of BRIEF_STATUSES) {
      for (const role of ROLES) {
        const element = await render(status, role);
        const expected = briefActions(status, role)
          .filter((action) => action !== 'override_budget')
          .map((action) => BRIEF_ACTION_LABELS[action]);

        expect({ status, role, buttons: buttonNames(element) }).toEqual({ status, role, buttons: expected });
        fixture.destroy();
      }
    }
  });

  it('should offer Edit, Send to agency and Cancel brief when a social lead opens a draft', async () => {
    const element = await render('draft', 'social_lead');

    expect(buttonNames(element)).toEqual(['Edit', 'Send to agency', 'Cancel brief']);
  });

  it('should offer Override budget too when a sent brief would exceed the contract cap', async () => {
    const element = await render('sent', 'social_lead', true);

    expect(buttonNames(element)).toEqual(['Override budget', 'Cancel brief']);
  });

  it('should offer Accept and Decline only when an agency member opens a sent brief', async () => {
    const element = await render('sent', 'agency_member', true);

    expect(buttonNames(element)).toEqual(['Accept', 'Decline']);
  });

  it('should offer nothing when a reviewer opens a brief', async () => {
    const element = await render('sent', 'reviewer');

    expect(buttonNames(element)).toEqual([]);
  });

  it('should emit the action when its button is pressed', async () => {
    const element = await render('sent', 'agency_admin');

    Array.from(element.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Accept')
      ?.click();

    expect(acted).toEqual(['accept']);
  });
});
