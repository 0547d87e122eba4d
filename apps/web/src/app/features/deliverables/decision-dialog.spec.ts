import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { Decision } from '@agency-portal/shared';
import { DecisionDialog, type DecisionDialogData } from './decision-dialog';

describe('DecisionDialog', () => {
  let fixture: ComponentFixture<DecisionDialog>;
  let loader: HarnessLoader;
  let close: jest.Mock;

  async function open(decision: Decision): Promise<void> {
    close = jest.fn();
    const data: DecisionDialogData = { decision, versionNumber: 2, stepName: 'Brand review' };
    TestBed.configureTestingModule({
      imports: [DecisionDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(DecisionDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function comment(): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Comment/ }));
  }

  async function typeComment(text: string): Promise<void> {
    const input = (await (await comment()).getControl(MatInputHarness)) as MatInputHarness;
    await input.setValue(text);
  }

  async function press(name: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: name }))).click();
  }

  it('should refuse to close and ask for a comment when changes are requested without one', async () => {
    await open('request_changes');

    await press('Request changes');

    expect(close).not.toHaveBeenCalled();
    expect(await (await comment()).getTextErrors()).toEqual(['This field is required.']);
  });

  it('should refuse a comment of only spaces when changes are requested', async () => {
    await open('request_changes');
    await typeComment('   ');

    await press('Request changes');

    expect(close).not.toHaveBeenCalled();
  });

  it('should close with the trimmed comment when changes are requested with one', async () => {
    await open('request_changes');
    await typeComment('  Make the logo larger.  ');

    await press('Request changes');

    expect(close).toHaveBeenCalledWith('Make the logo larger.');
  });

  it('should require a comment when the work is rejected', async () => {
    await open('reject');

    await press('Reject');

    expect(close).not.toHaveBeenCalled();
    expect(await (await comment()).getTextErrors()).toEqual(['This field is required.']);
  });

  it('should close without a comment when approving', async () => {
    await open('approve');

    await press('Approve');

    expect(close).toHaveBeenCalledWith('');
  });

  it('should name the version and the step when it opens', async () => {
    await open('request_changes');

    const title = (fixture.nativeElement as HTMLElement).querySelector('h2')?.textContent?.trim();

    expect(title).toBe('Request changes: version 2');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Step “Brand review”');
  });
});
