import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { MfaChallengeDto, MfaLoginDto } from './dto/mfa.dto';
import { MfaErrors } from './mfa/mfa.errors';
import { AllowWhilePasswordChangePending, Authenticated, Public } from '../authz/policy.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { AuthenticatedUser, CurrentUser } from '../authz/caller';
import { AuthService, ClientInfo } from './auth.service';
import { CurrentClient } from './client-info.decorator';
import { ChangePasswordDto, LoginDto, RefreshDto, TokenPairDto } from './dto/auth.dto';

@ApiTags('auth and me')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in with e-mail and password',
    description: 'With 2FA on, the answer is `{mfaRequired: true, mfaToken}` instead of tokens: POST /auth/mfa with a code completes the login.',
  })
  @ApiExtraModels(TokenPairDto, MfaChallengeDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(TokenPairDto) }, { $ref: getSchemaPath(MfaChallengeDto) }] } })
  @ApiProblems(400, 401, 429)
  login(@Body() dto: LoginDto, @CurrentClient() client: ClientInfo): Promise<TokenPairDto | MfaChallengeDto> {
    return this.auth.login(dto.email, dto.password, client);
  }

  @Post('mfa')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'completeMfaLogin', summary: 'Complete a login with 2FA: the login’s mfaToken and a code or a recovery code' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, MfaErrors.invalidCode(), 429)
  completeMfaLogin(@Body() dto: MfaLoginDto, @CurrentClient() client: ClientInfo): Promise<TokenPairDto> {
    return this.auth.completeMfaLogin(dto.mfaToken, { code: dto.code, recoveryCode: dto.recoveryCode }, client);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'refreshTokens',
    summary: 'Swap a refresh token for a new pair; reusing a spent token revokes the session',
    description:
      'Each refresh token rotates once. A token spent within the last REFRESH_REUSE_GRACE_SECONDS (default 10) rotates again, so two requests of one client ' +
      'refreshing at once both get a pair; presented later, it counts as stolen: every token of its session is revoked and the answer is 401.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() dto: RefreshDto, @CurrentClient() client: ClientInfo): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, client);
  }

  @Post('logout')
  @Authenticated()
  @AllowWhilePasswordChangePending()
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'End the session the refresh token belongs to' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Post('password')
  @Authenticated()
  @AllowWhilePasswordChangePending()
  @HttpCode(204)
  @ApiOperation({ operationId: 'changePassword', summary: 'Change the own password; ends all other sessions and clears mustChangePassword' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }
}
