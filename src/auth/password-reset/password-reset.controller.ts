import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../authz/policy.decorators';
import { ApiProblems } from '../../common/api-problems.decorator';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from '../dto/auth.dto';
import { PasswordResetErrors } from './password-reset.errors';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth and me')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestPasswordReset',
    summary: 'Mail a single-use password reset link, valid 30 minutes',
    description:
      'Answers 202 whether or not the address belongs to an account (nothing tells them apart); the mail comes in the language and brand ' +
      'of the account’s organization. At most 3 mails per account and hour; a client address asking more than 20 times an hour gets 429.',
  })
  @ApiAcceptedResponse({ description: 'Asked; a mail follows if the address belongs to an account.' })
  @ApiProblems(400, 429)
  async request(@Body() dto: PasswordResetRequestDto, @Ip() ip: string): Promise<void> {
    await this.resets.request(dto.email, ip);
  }

  @Post('confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'confirmPasswordReset', summary: 'Set a new password with the mailed token; ends every session of the account' })
  @ApiNoContentResponse()
  @ApiProblems(PasswordResetErrors.invalidToken())
  confirm(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.resets.confirm(dto.token, dto.newPassword);
  }
}
