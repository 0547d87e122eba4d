import { FormControl, FormGroup } from '@angular/forms';
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
});
