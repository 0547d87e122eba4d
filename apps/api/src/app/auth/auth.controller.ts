import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import type { User } from '../users/user.entity';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import {
  InvitationInfoResponse,
  LoginDto,
  LoginResponseDto,
  SessionUserResponse,
  SetPasswordDto,
} from './dto/auth.dto';
import { LocalAuthGuard } from './guards';
import { InvitationsService } from './invitations.service';
import { SessionsService, type IssuedTokens } from './sessions.service';
import { Endpoint } from './endpoint';

export const REFRESH_COOKIE = 'ap_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Public()
  @Post('login')
  @ApiOperation({
    description: 'Signs in with email and password; returns an access token and sets the refresh cookie.',
  })
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  async login(
    @Body() _body: LoginDto,
    @Req() request: Request & { user: User },
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto> {
    const tokens = await this.sessions.start(request.user, {
      ip: request.ip ?? null,
      userAgent: request.get('user-agent') ?? null,
    });
    return this.respond(tokens, response);
  }

  @Public()
  @ApiCookieAuth(REFRESH_COOKIE)
  @Post('refresh')
  @ApiOperation({ description: 'Exchanges the refresh cookie for a new access token, rotating the cookie.' })
  @HttpCode(200)
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto> {
    const presented = this.readRefreshCookie(request);
    if (!presented) throw new DomainError('session_expired', 'Your session has ended. Sign in again.');
    try {
      return await this.respond(await this.sessions.rotate(presented), response);
    } catch (error) {
      // Only a session that has ended loses its cookie; a database outage must not sign anyone out.
      if (error instanceof DomainError && error.code === 'session_expired') this.clearCookie(response);
      throw error;
    }
  }

  @Public()
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiBearerAuth()
  @Post('logout')
  @ApiOperation({
    description:
      'Signs out: ends the session named by the refresh cookie or the Bearer access token (either is enough, an expired access token too) and clears the cookie.',
  })
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.signOut({
      refreshToken: this.readRefreshCookie(request),
      accessToken: bearerTokenOf(request),
    });
    this.clearCookie(response);
  }

  @Endpoint.get('me', 'any-signed-in', 'The signed-in user with their role and permissions.')
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor): Promise<SessionUserResponse> {
    return this.auth.me(actor);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({
    description: 'Who a set-password link is for (public: the invited person has no password yet).',
  })
  invitation(@Param('token') token: string): Promise<InvitationInfoResponse> {
    return this.invitations.describe(token);
  }

  @Public()
  @Post('set-password')
  @ApiOperation({ description: 'Spends a one-time set-password link and sets the password.' })
  @HttpCode(204)
  @ApiNoContentResponse()
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    await this.invitations.redeem(body.token, body.password);
  }

  private async respond(tokens: IssuedTokens, response: Response): Promise<LoginResponseDto> {
    response.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      expires: tokens.refreshExpiresAt,
    });
    return {
      accessToken: tokens.accessToken,
      tokenType: 'Bearer',
      expiresIn: tokens.expiresIn,
      user: await this.auth.sessionUser(tokens.userId),
    };
  }

  private clearCookie(response: Response): void {
    response.clearCookie(REFRESH_COOKIE, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
    });
  }

  private readRefreshCookie(request: Request): string | undefined {
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const value = cookies?.[REFRESH_COOKIE];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  }
}

function bearerTokenOf(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '');
  return match?.[1];
}
