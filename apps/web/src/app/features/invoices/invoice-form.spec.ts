import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { InvoiceDraftDto, RateCardItemDto } from '@agency-portal/shared';
import { invoiceTotals } from '@agency-portal/shared';
import { anInvoiceDraft } from '../../testing/fixtures';
import { InvoiceForm, type InvoiceFormValue } from './invoice-form';

const RATE_CARD: RateCardItemDto[] = [
  { id: 'item-1', code: 'POST', description: 'Feed post', unit: 'deliverable', unitPriceMinor: 300000 },
  { id: 'item-2', code: 'STRATEGY', description: 'Strategy', unit: 'hour', unitPriceMinor: 150000 },
];
const GOALS = [{ goalId: 'goal-1', goalName: 'Spring awareness' }];

describe('InvoiceForm', () => {
  let fixture: ComponentFixture<InvoiceForm>;
  let loader: HarnessLoader;
  let submitted: InvoiceFormValue[];

  async function render(draft: InvoiceDraftDto = anInvoiceDraft()): Promise<HTMLElement> {
    TestBed.configureTestingModule({ imports: [InvoiceForm] });
    fixture = TestBed.createComponent(InvoiceForm);
    fixture.componentRef.setInput('draft', draft);
    fixture.componentRef.setInput('rateCard', RATE_CARD);
    fixture.componentRef.setInput('goals', GOALS);
    submitted = [];
    fixture.componentInstance.submitInvoice.subscribe((value) => submitted.push(value));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function input(label: RegExp, index = 0): Promise<MatInputHarness> {
    const fields = await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = await fields[index]?.getControl(MatInputHarness);
    if (!control) throw new Error(`No input labelled ${String(label)}`);
    return control;
  }

  function text(element: HTMLElement, testId: string): string {
    return element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  async function press(name: string | RegExp): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: name }))).click();
  }

  function attachPdf(element: HTMLElement): File {
    const file = new File(['%PDF-1.7'], 'BS-0042.pdf', { type: 'application/pdf' });
    const fileInput = element.querySelector<HTMLInputElement>('input[type="file"]');
    if (!fileInput) throw new Error('No file input');
    Object.defineProperty(fileInput, 'files', { value: { item: () => file, length: 1 } });
    fileInput.dispatchEvent(new Event('change'));
    return file;
  }

  it('should show the draft lines and the totals the shared rule gives when it opens', async () => {
    const element = await render();

    expect(text(element, 'line-amount-0')).toBe('KRW 300,000');
    expect(text(element, 'invoice-net')).toBe('KRW 300,000');
    expect(text(element, 'invoice-tax')).toBe('KRW 30,000');
    expect(text(element, 'invoice-gross')).toBe('KRW 330,000');
  });

  it('should recompute the line and the totals by the shared rule when a quantity and a price change', async () => {
    const element = await render();

    await (await input(/Quantity/)).setValue('3');
    await (await input(/Unit price/)).setValue('310,001');
    await fixture.whenStable();

    const expected = invoiceTotals([{ quantity: 3, unitPriceMinor: 310_001 }], 1000);
    expect(text(element, 'line-amount-0')).toBe('KRW 930,003');
    expect(text(element, 'invoice-gross')).toBe(`KRW ${expected.grossMinor.toLocaleString('en')}`);
    expect(text(element, 'price-deviation')).toContain('Differs from the rate card (KRW 300,000)');
  });

  it('should show no totals and refuse to submit when a deliverable quantity is fractional', async () => {
    const element = await render();
    attachPdf(element);

    await (await input(/Quantity/)).setValue('1.5');
    await (await input(/Invoice number/)).setValue('BS-0042');
    await press('Submit invoice');

    expect(element.querySelector('[data-testid="invoice-gross"]')).toBeNull();
    expect(element.textContent).toContain('Enter a whole number of deliverables above zero.');
    expect(submitted).toEqual([]);
  });

  it('should ask for the PDF and not submit when none is attached', async () => {
    const element = await render();
    await (await input(/Invoice number/)).setValue('BS-0042');

    await press('Submit invoice');

    expect(element.textContent).toContain('Attach the invoice as a PDF.');
    expect(submitted).toEqual([]);
  });

  it('should add hours from the rate card and submit every line with the PDF when the form is complete', async () => {
    const element = await render();
    const file = attachPdf(element);
    await (await input(/Invoice number/)).setValue(' BS-0042 ');
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '.ap-add-line mat-select' }))
    ).clickOptions({
      text: /STRATEGY/,
    });
    await press('Add line');
    await (await input(/Quantity/, 1)).setValue('2.5');
    await fixture.whenStable();

    await press('Submit invoice');

    expect(text(element, 'invoice-net')).toBe('KRW 675,000');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.number).toBe('BS-0042');
    expect(submitted[0]?.file).toBe(file);
    expect(
      submitted[0]?.lines.map((line) => [
        line.itemCode,
        line.quantity,
        line.unitPriceMinor,
        line.deliverableId,
      ]),
    ).toEqual([
      ['POST', 1, 300000, 'deliverable-1'],
      ['STRATEGY', 2.5, 150000, null],
    ]);
  });

  it('should drop a line and its amount from the totals when it is removed', async () => {
    const element = await render();

    await press(/Remove/);

    expect(element.textContent).toContain('This invoice has no lines.');
    expect(element.querySelector('[data-testid="invoice-gross"]')).toBeNull();
  });
});
