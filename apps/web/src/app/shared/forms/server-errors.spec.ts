import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors } from './server-errors';

describe('applyServerErrors', () => {
  it('should put messages on matching controls and return the rest when fields are given', () => {
    const form = new FormGroup({ name: new FormControl(''), services: new FormControl([]) });

    const unmatched = applyServerErrors(form, {
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: {
        fields: [
          { field: 'name', messages: ['Name is taken.'] },
          { field: 'services.0', messages: ['Unknown service.'] },
          { field: 'tenant', messages: ['Tenant is missing.'] },
        ],
      },
    });

    expect(form.controls.name.errors).toEqual({ server: 'Name is taken.' });
    expect(form.controls.name.touched).toBe(true);
    expect(form.controls.services.errors).toEqual({ server: 'Unknown service.' });
    expect(unmatched).toEqual(['Tenant is missing.']);
  });

  it('should change nothing when the error has no field details', () => {
    const form = new FormGroup({ name: new FormControl('') });

    const unmatched = applyServerErrors(form, { code: 'conflict', message: 'Changed meanwhile.' });

    expect(form.controls.name.errors).toBeNull();
    expect(unmatched).toEqual([]);
  });

  it('should put a row error on that row when the field names an index of a form array', () => {
    const row = (): FormGroup =>
      new FormGroup({ code: new FormControl(''), unitPriceMinor: new FormControl(0) });
    const form = new FormGroup({ rateCard: new FormArray([row(), row()]) });

    const unmatched = applyServerErrors(form, {
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: {
        fields: [
          { field: 'rateCard.1.code', messages: ['Codes must be unique.'] },
          { field: 'rateCard[0].unitPriceMinor', messages: ['Too large.'] },
          { field: 'rateCard.7.code', messages: ['No such row.'] },
        ],
      },
    });

    expect(form.get('rateCard.1.code')?.errors).toEqual({ server: 'Codes must be unique.' });
    expect(form.get('rateCard.0.code')?.errors).toBeNull();
    expect(form.get('rateCard.0.unitPriceMinor')?.errors).toEqual({ server: 'Too large.' });
    expect(form.get('rateCard')?.errors).toEqual({ server: 'No such row.' });
    expect(unmatched).toEqual([]);
  });

  it('should use the renamed control when the API field has another name in the form', () => {
    const form = new FormGroup({ targetCount: new FormControl(0) });

    applyServerErrors(
      form,
      {
        code: 'validation_failed',
        message: 'Some fields are not valid.',
        details: { fields: [{ field: 'targetValue', messages: ['Must be positive.'] }] },
      },
      (field) => (field === 'targetValue' ? 'targetCount' : field),
    );

    expect(form.controls.targetCount.errors).toEqual({ server: 'Must be positive.' });
  });
});
