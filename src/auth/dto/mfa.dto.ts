import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Omittable } from '../../common/validation';

export class MfaCodeDto {
  @ApiProperty({ pattern: '^\\d{6}$', example: '492039', description: 'The 6-digit code of the authenticator app.' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

/** A code of the app, or one of the recovery codes. */
export class SecondFactorDto {
  @ApiPropertyOptional({ pattern: '^\\d{6}$', example: '492039' })
  @ValidateIf((dto: SecondFactorDto) => dto.recoveryCode === undefined)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits (or send recoveryCode)' })
  code?: string;

  @ApiPropertyOptional({ example: 'k3m9p-x7q2r', maxLength: 20, description: 'Instead of code: a recovery code, each works once.' })
  @Omittable()
  @IsString()
  @MaxLength(20)
  recoveryCode?: string;
}

export class MfaLoginDto extends SecondFactorDto {
  @ApiProperty({ description: 'From the login answer; valid 5 minutes.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  mfaToken: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32, for typing into an authenticator app.', example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
  secret: string;

  @ApiProperty({ description: 'The same as an otpauth:// URL, for a QR code.', example: 'otpauth://totp/partnerhub:anna%40example.com?issuer=partnerhub&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30' })
  otpauthUrl: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once: each logs in instead of a code once.', example: ['k3m9p-x7q2r'] })
  recoveryCodes: string[];
}

export class MfaChallengeDto {
  @ApiProperty({ enum: [true], description: 'The password was right; POST /auth/mfa with a code completes the login.' })
  mfaRequired: true;

  @ApiProperty({ description: 'Valid 5 minutes, for POST /auth/mfa only.' })
  mfaToken: string;
}
