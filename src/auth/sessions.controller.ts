import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../authz/caller';
import { AllowWhilePasswordChangePending, Authenticated } from '../authz/policy.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { UuidParam } from '../common/uuid-param';
import { AuthService } from './auth.service';
import { SessionDto } from './dto/session.dto';

const ENDING =
  'Its refresh token stops working at once; access tokens already issued to it stay valid until they expire (JWT_ACCESS_TTL_SECONDS, 15 minutes by default).';

@ApiTags('auth and me')
@Controller('me/sessions')
@Authenticated()
@AllowWhilePasswordChangePending()
export class SessionsController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ operationId: 'listSessions', summary: 'The logged-in user’s sessions (logins), most recently used first' })
  @ApiOkResponse({ type: [SessionDto] })
  @ApiProblems(401, 403)
  list(@CurrentUser() user: AuthenticatedUser): Promise<SessionDto[]> {
    return this.auth.listSessions(user);
  }

  @Delete(':sessionId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'endSession', summary: 'End one session (log it out)', description: ENDING })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  end(@CurrentUser() user: AuthenticatedUser, @UuidParam('sessionId') sessionId: string): Promise<void> {
    return this.auth.endSession(user.id, sessionId);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ operationId: 'endAllSessions', summary: 'End every session, this one included', description: ENDING })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  endAll(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.auth.endAllSessions(user.id);
  }
}
