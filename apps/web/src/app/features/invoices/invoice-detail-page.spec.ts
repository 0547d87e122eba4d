import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { InvoiceDetailDto, SessionUser } from '@agency-portal/shared';
import { of, throwError } from 'rxjs';
import { Notifier } from '../../core/notify/notifier';
import { aSessionUser, anInvoice } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { InvoiceDetailPage } from './invoice-detail-page';
import { InvoiceService } from './invoice.service';

const FINANCE = aSessionUser({ id: 'user-9', role: 'finance' });

async function renderPage(
  invoice: InvoiceDetailDto,
  service: Partial<Record<keyof InvoiceService, jest.Mock>> = {},
  user: SessionUser = FINANCE,
): Promise<HTMLElement> {
  const get = jest.fn(() => of(invoice));
  TestBed.configureTestingModule({
    imports: [InvoiceDetailPage],
    providers: [
      provideRouter([]),
      { provide: InvoiceService, useValue: { get, ...service } },
      { provide: Notifier, useValue: { success: jest.fn(), error: jest.fn() } },
      // Every confirmation is answered "yes".
      { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(true) }) } },
      provideSignedIn(user),
    ],
  });
  const fixture = TestBed.createComponent(InvoiceDetailPage);
  fixture.componentRef.setInput('id', invoice.id);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

function buttonNames(element: HTMLElement): string[] {
  return Array.from(
    element.querySelectorAll('.ap-invoice-actions button'),
    (button) => button.textContent?.trim() ?? '',
  );
}

function click(element: HTMLElement, name: string): void {
  const button = Array.from(element.querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === name,
  );
  if (!button) throw new Error(`No button ${name}`);
  button.click();
}

describe('InvoiceDetailPage', () => {
  it('should offer exactly the decisions the server allows when finance opens a submitted invoice', async () => {
    const element = await renderPage(anInvoice({ allowedActions: ['approve', 'reject'] }));

    expect(buttonNames(element)).toEqual(['Approve', 'Reject']);
  });

  it('should show the checks finance needs when an invoice is over budget and off the rate card', async () => {
    const element = await renderPage(
      anInvoice({
        checks: {
          overBudget: { remainingMinor: 100000, netMinor: 300000 },
          priceDeviations: 2,
          quantityBeyondSpec: 1,
        },
      }),
    );

    const checks =
      element.querySelector('[data-testid="invoice-checks"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(checks).toContain('the net of KRW 300,000 was more than the KRW 100,000 left on the contract');
    expect(checks).toContain('2 lines are priced away from the rate card');
    expect(checks).toContain('1 line bills more than the brief specified');
  });

  it('should say a second approver is awaited when one of two approvals is given', async () => {
    const element = await renderPage(
      anInvoice({
        approvalsRequired: 2,
        approvalCount: 1,
        approvals: [
          {
            by: { id: 'user-8', name: 'Fay Finance', email: 'fay@brand.test' },
            at: '2026-05-03T10:00:00.000Z',
          },
        ],
        allowedActions: ['approve', 'reject'],
      }),
    );

    expect(element.querySelector('[data-testid="invoice-approvals"]')?.textContent).toContain('1 of 2 given');
    expect(element.textContent).toContain('Approved by Fay Finance');
    expect(element.querySelector('[data-testid="second-approver"]')?.textContent).toContain(
      'Waiting for a second approver.',
    );
  });

  it('should say someone else decided first with the current state and hide the decisions when approving answers 409', async () => {
    const conflict = new HttpErrorResponse({
      status: 409,
      error: {
        code: 'conflict',
        message: 'This invoice is rejected now: someone else acted on it first.',
        details: { current: { status: 'rejected', version: 2, approvalCount: 0, approvalsRequired: 1 } },
      },
    });
    const approve = jest.fn(() => throwError(() => conflict));
    const element = await renderPage(anInvoice({ allowedActions: ['approve', 'reject'] }), { approve });

    click(element, 'Approve');
    TestBed.tick();

    expect(approve).toHaveBeenCalledWith('invoice-1');
    expect(element.querySelector('[data-testid="invoice-conflict"]')?.textContent).toContain(
      'Someone else decided first: this invoice is now Rejected.',
    );
    expect(buttonNames(element)).toEqual([]);
  });

  it('should load the invoice again when Reload is pressed after a conflict', async () => {
    const approve = jest.fn(() =>
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              code: 'conflict',
              message: 'x',
              details: { current: { status: 'approved', approvalCount: 1, approvalsRequired: 1 } },
            },
          }),
      ),
    );
    const invoice = anInvoice({ allowedActions: ['approve'] });
    const get = jest.fn(() => of(invoice));
    const element = await renderPage(invoice, { approve, get });
    click(element, 'Approve');
    TestBed.tick();

    click(element, 'Reload');
    TestBed.tick();

    expect(get).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[data-testid="invoice-conflict"]')).toBeNull();
  });
});
