import type { Locale, Role } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { ForeignKey, TimestampColumn, TimestampedEntity } from '../database/columns';

@Entity({ name: 'users' })
export class User extends TimestampedEntity {
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  @ForeignKey('agency_id', () => Agency, 'agency', { nullable: true })
  agencyId!: string | null;
  agency?: Relation<Agency> | null;

  @ForeignKey('business_unit_id', () => BusinessUnit, 'businessUnit', { nullable: true })
  businessUnitId!: string | null;
  businessUnit?: Relation<BusinessUnit> | null;

  /** argon2id hash; null until the invited person sets a password. Never leaves the API. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'text', default: 'en' })
  locale!: Locale;

  /** IANA zone; null means the browser's. */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @TimestampColumn('last_login_at', { nullable: true })
  lastLoginAt!: Date | null;
}
