import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/** Units of `reportingCurrency` for one unit of `currency` in a month, kept by finance. */
@Entity({ name: 'exchange_rates' })
export class ExchangeRate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The first day of the month. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'reporting_currency', type: 'char', length: 3 })
  reportingCurrency!: string;

  /** numeric(24,12) as PostgreSQL prints it; never a float. */
  @Column({ type: 'numeric', precision: 24, scale: 12 })
  rate!: string;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'updated_by' })
  updater?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
