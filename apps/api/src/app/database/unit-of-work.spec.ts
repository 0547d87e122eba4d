import { QueryFailedError } from 'typeorm';
import { fieldError } from '../common/errors/domain-error';
import { mapUniqueViolation } from './unit-of-work';

function uniqueViolation(constraint: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT',
    [],
    Object.assign(new Error('duplicate key'), { code: '23505', constraint }),
  );
}

describe('mapUniqueViolation', () => {
  const uniques = {
    contracts_reference_key: () =>
      fieldError('reference', 'Another contract already uses this reference.', 'conflict'),
  };

  it('should answer the named domain error when the violated constraint is listed', () => {
    const mapped = mapUniqueViolation(uniqueViolation('contracts_reference_key'), uniques);
    expect(mapped?.code).toBe('conflict');
    expect(mapped?.details?.fields?.[0]?.field).toBe('reference');
  });

  it('should answer null when another constraint is violated', () => {
    expect(mapUniqueViolation(uniqueViolation('users_email_key'), uniques)).toBeNull();
  });

  it('should answer null when the failure is not a unique violation', () => {
    expect(mapUniqueViolation(new Error('boom'), uniques)).toBeNull();
    expect(
      mapUniqueViolation(
        new QueryFailedError('SELECT', [], Object.assign(new Error('x'), { code: '42P01' })),
        uniques,
      ),
    ).toBeNull();
  });
});
