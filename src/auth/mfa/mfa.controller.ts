import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../authz/caller';
import { AllowWhilePasswordChangePending, Authenticated } from '../../authz/policy.decorators';
import { ApiProblems } from '../../common/api-problems.decorator';
import { MfaCodeDto, RecoveryCodesDto, SecondFactorDto, TotpEnrolmentDto } from '../dto/mfa.dto';
import { MfaErrors } from './mfa.errors';
import { MfaService } from './mfa.service';

@ApiTags('auth and me')
@Controller('me/mfa/totp')
@Authenticated()
@AllowWhilePasswordChangePending()
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Post()
  @ApiOperation({ operationId: 'startTotpEnrolment', summary: 'Start turning on 2FA: a new TOTP secret for the authenticator app', description: 'Nothing changes until a code of it is confirmed; asking again replaces the secret.' })
  @ApiCreatedResponse({ type: TotpEnrolmentDto })
  @ApiProblems(401, 403, MfaErrors.alreadyEnabled())
  start(@CurrentUser() user: AuthenticatedUser): Promise<TotpEnrolmentDto> {
    return this.mfa.start(user.id);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ operationId: 'confirmTotpEnrolment', summary: 'Turn on 2FA with a code of the new secret; answers the recovery codes, once', description: 'From then on, logging in asks for a code.' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiProblems(400, MfaErrors.invalidCode(), 403, MfaErrors.notStarted(), MfaErrors.alreadyEnabled())
  confirm(@CurrentUser() user: AuthenticatedUser, @Body() dto: MfaCodeDto): Promise<RecoveryCodesDto> {
    return this.mfa.confirm(user.id, dto.code);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ operationId: 'disableTotp', summary: 'Turn off 2FA with a code (or a recovery code)' })
  @ApiNoContentResponse()
  @ApiProblems(400, MfaErrors.invalidCode(), 403, MfaErrors.notEnabled())
  disable(@CurrentUser() user: AuthenticatedUser, @Body() dto: SecondFactorDto): Promise<void> {
    return this.mfa.disable(user.id, dto);
  }
}
