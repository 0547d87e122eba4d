import { anInvoice } from '../../testing/fixtures';
import { approvalConfirmation, conflictMessage, conflictState } from './invoice-decisions';

describe('approvalConfirmation', () => {
  it('should say the approval is the first of two when the invoice needs two and has none', () => {
    const data = approvalConfirmation(anInvoice({ approvalsRequired: 2, approvalCount: 0 }));

    expect(data.title).toBe('Approve invoice BS-0042?');
    expect(data.message).toContain('Yours is the first');
  });

  it('should say the invoice counts as approved when this approval is the last one needed', () => {
    expect(approvalConfirmation(anInvoice({ approvalsRequired: 2, approvalCount: 1 })).message).toContain(
      'counts as approved and waits for payment',
    );
    expect(approvalConfirmation(anInvoice()).message).toContain('Bright Social is told');
  });
});

describe('conflictState', () => {
  it('should read the current state when a decision lost a race', () => {
    const state = conflictState({
      code: 'conflict',
      message: 'This invoice is approved now: someone else acted on it first.',
      details: { current: { status: 'approved', version: 3, approvalCount: 1, approvalsRequired: 1 } },
    });

    expect(state).toEqual({ status: 'approved', approvalCount: 1, approvalsRequired: 1 });
    expect(state && conflictMessage(state)).toBe('Someone else decided first: this invoice is now Approved.');
  });

  it('should name the approvals given when the invoice still waits for its second approver', () => {
    expect(conflictMessage({ status: 'submitted', approvalCount: 1, approvalsRequired: 2 })).toBe(
      'Someone else decided first: this invoice is now Submitted with 1 of 2 approvals.',
    );
  });

  it('should find no conflict in other errors or an unknown status', () => {
    expect(conflictState({ code: 'four_eyes_required', message: 'No.' })).toBeNull();
    expect(
      conflictState({
        code: 'conflict',
        message: 'x',
        details: { current: { status: 'lost', approvalCount: 0, approvalsRequired: 1 } },
      }),
    ).toBeNull();
  });
});
