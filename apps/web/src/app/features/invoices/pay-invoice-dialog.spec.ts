import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { PayInvoiceDialog, type PayInvoiceDialogData } from './pay-invoice-dialog';

const DATA: PayInvoiceDialogData = {
  number: 'BS-0042',
  grossMinor: 330000,
  currency: 'KRW',
  issueDate: '2026-05-02',
  today: '2026-05-20',
};

describe('PayInvoiceDialog', () => {
  let fixture: ComponentFixture<PayInvoiceDialog>;
  let loader: HarnessLoader;
  let close: jest.Mock;

  beforeEach(async () => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [PayInvoiceDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: DATA },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(PayInvoiceDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function field(label: RegExp): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function type(label: RegExp, value: string): Promise<void> {
    const control = (await (await field(label)).getControl(MatInputHarness)) as MatInputHarness;
    await control.setValue(value);
  }

  async function markPaid(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Mark paid' }))).click();
  }

  it('should say what is paid and that it cannot be changed when it opens', () => {
    const element = fixture.nativeElement as HTMLElement;
    // Money is formatted with a no-break space after the code.
    const text = element.textContent?.replace(/\s+/g, ' ') ?? '';

    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Mark invoice BS-0042 paid?');
    expect(text).toContain('Record that KRW 330,000 was paid.');
    expect(text).toContain('cannot be changed');
  });

  it('should refuse to close and ask for the reference when none is given', async () => {
    await markPaid();

    expect(close).not.toHaveBeenCalled();
    expect(await (await field(/Payment reference/)).getTextErrors()).toEqual(['This field is required.']);
  });

  it('should refuse a payment date after today or before the issue date', async () => {
    await type(/Payment reference/, 'KB-TRF-1');

    await type(/Payment date/, '2026-05-21');
    await markPaid();
    expect(await (await field(/Payment date/)).getTextErrors()).toEqual([
      'The payment date cannot be in the future.',
    ]);

    await type(/Payment date/, '2026-05-01');
    await markPaid();
    expect(await (await field(/Payment date/)).getTextErrors()).toEqual([
      'The payment date cannot be before the invoice was issued.',
    ]);
    expect(close).not.toHaveBeenCalled();
  });

  it('should close with the date and the trimmed reference when both are valid', async () => {
    await type(/Payment reference/, '  KB-TRF-1  ');

    await markPaid();

    expect(close).toHaveBeenCalledWith({ paymentDate: '2026-05-20', reference: 'KB-TRF-1' });
  });
});
