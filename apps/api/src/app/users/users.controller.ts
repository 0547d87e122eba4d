import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import {
  InvitationResponse,
  InviteUserDto,
  UpdateUserDto,
  UserListQueryDto,
  UserPage,
  UserResponse,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { Endpoint } from '../auth/endpoint';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Endpoint.get('', 'user:read', 'Users the caller may see, by name or e-mail, role, agency, state or kind.')
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Endpoint.get(':id', 'user:read', 'One user.')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Endpoint.post(
    '',
    'user:manage',
    'Invites a user: returns a one-time set-password link (also e-mailed when SMTP is configured).',
  )
  invite(@CurrentActor() actor: Actor, @Body() body: InviteUserDto): Promise<InvitationResponse> {
    return this.users.invite(actor, body);
  }

  @Endpoint.patch(
    ':id',
    'user:manage',
    "Changes a user's name, role or business unit; a new role ends their sessions.",
  )
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }

  @Endpoint.post(':id/deactivate', 'user:manage', 'Deactivates a user and ends their sessions at once.', 200)
  deactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.deactivate(actor, id);
  }

  @Endpoint.post(':id/reactivate', 'user:manage', 'Lets a deactivated user sign in again.', 200)
  reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.reactivate(actor, id);
  }

  @Endpoint.post(
    ':id/invitation',
    'user:manage',
    'Issues a new one-time set-password link; earlier links stop working.',
    200,
  )
  reissueInvitation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvitationResponse> {
    return this.users.reissueInvitation(actor, id);
  }
}
