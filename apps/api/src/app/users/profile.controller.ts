import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { SessionUserResponse } from '../auth/dto/auth.dto';
import { UpdateProfileDto } from './dto/user.dto';
import { ProfileService } from './profile.service';
import { Endpoint } from '../auth/endpoint';

/** Self-service: every signed-in person reads and edits their own name, language and time zone. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('profile')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Endpoint.get('', 'any-signed-in', "The caller's own profile: name, e-mail, role, language and time zone.")
  @ApiOperation({ description: "The caller's own profile, as the session describes them." })
  get(@CurrentActor() actor: Actor): Promise<SessionUserResponse> {
    return this.profile.get(actor);
  }

  @Endpoint.patch('', 'any-signed-in', "Changes the caller's own name, language or time zone (audited).")
  @ApiOperation({ description: 'Changes the caller’s own name, language or time zone.' })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto): Promise<SessionUserResponse> {
    return this.profile.update(actor, body);
  }
}
