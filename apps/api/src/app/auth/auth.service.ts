import { Injectable } from '@nestjs/common';
import { ROLE_PERMISSIONS, type SessionUser } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { User } from '../users/user.entity';
import type { Actor } from './actor';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { msg } from '../i18n/message';

export const INVALID_CREDENTIALS_MESSAGE = msg('Email or password is incorrect.');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * Checks an email and password. Every failure (unknown email, wrong password, deactivated user,
   * offboarded agency, no password yet) gets the same message and counts against the throttle.
   */
  async verifyCredentials(email: string, password: string, address: string): Promise<User> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalised, address);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.agency', 'agency')
      .where('user.email = :email', { email: normalised })
      .getOne();
    const passwordOk = await this.passwords.verify(user?.passwordHash, password);
    const usable = user && user.active && (!user.agency || user.agency.status === 'active');
    if (!user || !passwordOk || !usable) {
      await this.throttle.recordFailure(normalised, address);
      throw new DomainError('invalid_credentials', INVALID_CREDENTIALS_MESSAGE);
    }
    await this.throttle.recordSuccess(normalised, address);
    return user;
  }

  async sessionUser(userId: string): Promise<SessionUser> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, relations: { agency: true } });
    if (!user) throw notFound('User');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      agencyId: user.agencyId,
      agencyName: user.agency?.name ?? null,
      permissions: [...ROLE_PERMISSIONS[user.role]],
      locale: user.locale,
      timeZone: user.timeZone,
    };
  }

  me(actor: Actor): Promise<SessionUser> {
    return this.sessionUser(actor.id);
  }
}
