import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import {
  InvitationResponse,
  InviteUserDto,
  UpdateUserDto,
  UserListQueryDto,
  UserPage,
  UserResponse,
} from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ description: 'Users the caller may see, by name or e-mail, role, agency, state or kind.' })
  @RequirePermission('user:read')
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ description: 'One user.' })
  @RequirePermission('user:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Post()
  @ApiOperation({
    description:
      'Invites a user: returns a one-time set-password link (also e-mailed when SMTP is configured).',
  })
  @RequirePermission('user:manage')
  invite(@CurrentActor() actor: Actor, @Body() body: InviteUserDto): Promise<InvitationResponse> {
    return this.users.invite(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    description: "Changes a user's name, role or business unit; a new role ends their sessions.",
  })
  @RequirePermission('user:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/deactivate')
  @ApiOperation({ description: 'Deactivates a user and ends their sessions at once.' })
  @HttpCode(200)
  @RequirePermission('user:manage')
  deactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.deactivate(actor, id);
  }

  @Post(':id/reactivate')
  @ApiOperation({ description: 'Lets a deactivated user sign in again.' })
  @HttpCode(200)
  @RequirePermission('user:manage')
  reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.reactivate(actor, id);
  }

  @Post(':id/invitation')
  @ApiOperation({ description: 'Issues a new one-time set-password link; earlier links stop working.' })
  @HttpCode(200)
  @RequirePermission('user:manage')
  reissueInvitation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvitationResponse> {
    return this.users.reissueInvitation(actor, id);
  }
}
