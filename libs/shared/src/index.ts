export * from './lib/auth/roles';
export * from './lib/auth/permissions';
export * from './lib/auth/auth.types';
export * from './lib/errors/error-codes';
export * from './lib/common/page';
export * from './lib/organisation/organisation.types';
export * from './lib/audit/audit.types';
