import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { notFound } from '../common/errors/domain-error';
import type { UpdateProfileDto } from './dto/user.dto';
import { User } from './user.entity';
import { userSnapshot } from './user.mapper';

/** A person's own profile: name, language and time zone. Role and agency stay with the admins. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  get(actor: Actor): Promise<SessionUser> {
    return this.auth.sessionUser(actor.id);
  }

  async update(actor: Actor, input: UpdateProfileDto): Promise<SessionUser> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .findOne({ where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User');
      const audited = {
        entity: 'user',
        action: 'user.profile_updated',
        record: user,
        snapshot: userSnapshot,
      };
      await this.audit.saveChange(manager, actor, audited, (changed) => {
        if (input.name !== undefined) changed.name = input.name;
        if (input.locale !== undefined) changed.locale = input.locale;
        if (input.timeZone !== undefined) changed.timeZone = input.timeZone;
      });
    });
    return this.auth.sessionUser(actor.id);
  }
}
