import { Injectable } from '@nestjs/common';
import type { ExchangeRateDto, Page } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError, fieldError, notFound } from '../common/errors/domain-error';
import { joinSome, paginate, PERSON, toPage, type ListSpec } from '../common/lists/paginate';
import type { ExchangeRateInputDto, ExchangeRateListQueryDto, UpdateExchangeRateDto } from './dto/spend.dto';
import { ExchangeRate } from './exchange-rate.entity';

const RATE_LIST: ListSpec<'month'> = {
  alias: 'rate',
  sorts: { month: { expression: 'rate.month', type: 'date' } },
  defaultSort: '-month',
};

function toDto(rate: ExchangeRate): ExchangeRateDto {
  return {
    id: rate.id,
    month: rate.month,
    currency: rate.currency.trim(),
    reportingCurrency: rate.reportingCurrency.trim(),
    rate: trimRate(rate.rate),
    updatedBy: { id: rate.updatedBy, name: rate.updater?.name ?? '', email: rate.updater?.email ?? '' },
    updatedAt: rate.updatedAt.toISOString(),
  };
}

/** numeric(24,12) prints twelve decimals: "0.000731000000" → "0.000731", "1350.000000000000" → "1350". */
export function trimRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

/** Finance's table of monthly rates (units of the reporting currency per unit of a currency), audited. */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(query: ExchangeRateListQueryDto): Promise<Page<ExchangeRateDto>> {
    const qb = this.dataSource.getRepository(ExchangeRate).createQueryBuilder('rate');
    joinSome(qb, 'rate.updater', 'updater', PERSON);
    if (query.currency) qb.andWhere('rate.currency = :currency', { currency: query.currency });
    if (query.reportingCurrency)
      qb.andWhere('rate.reporting_currency = :reporting', { reporting: query.reportingCurrency });
    if (query.from) qb.andWhere('rate.month >= :from', { from: `${query.from}-01` });
    if (query.to) qb.andWhere('rate.month <= :to', { to: `${query.to}-01` });
    return toPage(await paginate(qb, RATE_LIST, query), toDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ExchangeRateDto> {
    const qb = manager.getRepository(ExchangeRate).createQueryBuilder('rate').where('rate.id = :id', { id });
    joinSome(qb, 'rate.updater', 'updater', PERSON);
    const rate = await qb.getOne();
    if (!rate) throw notFound('Exchange rate');
    return toDto(rate);
  }

  async create(actor: Actor, input: ExchangeRateInputDto): Promise<ExchangeRateDto> {
    if (input.currency === input.reportingCurrency) {
      throw fieldError('reportingCurrency', 'The reporting currency must differ from the currency.');
    }
    return this.uow.run(
      async (manager) => {
        const rate = await manager.save(
          manager.create(ExchangeRate, {
            month: `${input.month}-01`,
            currency: input.currency,
            reportingCurrency: input.reportingCurrency,
            rate: input.rate,
            updatedBy: actor.id,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'exchange_rate.created',
          entity: 'exchange_rate',
          entityId: rate.id,
          after: {
            month: input.month,
            currency: input.currency,
            reportingCurrency: input.reportingCurrency,
            rate: input.rate,
          },
        });
        return this.get(rate.id, manager);
      },
      {
        exchange_rates_key: () =>
          new DomainError(
            'conflict',
            'Finance has a rate for this currency and month already; change that one.',
            {
              fields: [{ field: 'month', messages: ['A rate for this month exists.'] }],
            },
          ),
      },
    );
  }

  async update(actor: Actor, id: string, input: UpdateExchangeRateDto): Promise<ExchangeRateDto> {
    return this.uow.run(async (manager) => {
      const rate = await this.uow.lockOne(manager, ExchangeRate, id, 'Exchange rate');
      const before = trimRate(rate.rate);
      rate.rate = input.rate;
      rate.updatedBy = actor.id;
      await manager.save(rate);
      await this.audit.record(manager, actor, {
        action: 'exchange_rate.updated',
        entity: 'exchange_rate',
        entityId: id,
        before: { rate: before },
        after: { rate: input.rate },
      });
      return this.get(id, manager);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const rate = await this.uow.lockOne(manager, ExchangeRate, id, 'Exchange rate');
      await manager.delete(ExchangeRate, { id });
      await this.audit.record(manager, actor, {
        action: 'exchange_rate.deleted',
        entity: 'exchange_rate',
        entityId: id,
        before: {
          month: rate.month,
          currency: rate.currency.trim(),
          reportingCurrency: rate.reportingCurrency.trim(),
          rate: trimRate(rate.rate),
        },
      });
    });
  }
}
