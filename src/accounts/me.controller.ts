import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../authz/caller';
import { AllowWhilePasswordChangePending, Authenticated } from '../authz/policy.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { AccountsService } from './accounts.service';
import { UserDto } from './dto/member.dto';

@ApiTags('auth and me')
@Controller('me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'The logged-in user: id, e-mail, name, and whether it must change its password' })
  @Authenticated()
  @AllowWhilePasswordChangePending()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.accounts.getUser(user.id);
  }
}
