import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-hasher';
import { UserStatus } from '../user.entity';
import { MembershipRole } from '../../authz/roles';
import { Omittable } from '../../common/validation';

export class AddMemberDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Display name of a new user; defaults to the e-mail’s local part.' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: MembershipRole, enumName: 'MembershipRole', description: 'guest = read-only, admin = may change things' })
  @IsEnum(MembershipRole)
  role: MembershipRole;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description:
      'Set the new user’s password by hand (you hand it over yourself). Without it a temporary password is generated, sent in the invitation mail and must be changed at first login. Ignored for users that already exist.',
  })
  @Omittable()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiPropertyOptional({
    description:
      'Send the invitation mail. Defaults to true without `password`, false with it. A generated password can only be delivered by mail, so false without `password` is rejected.',
  })
  @Omittable()
  @IsBoolean()
  sendInvitation?: boolean;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: MembershipRole, enumName: 'MembershipRole' })
  @IsEnum(MembershipRole)
  role: MembershipRole;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: MembershipRole, enumName: 'MembershipRole' })
  role: MembershipRole;

  @ApiProperty({ enum: UserStatus, enumName: 'UserStatus', description: 'invited until the first login' })
  status: UserStatus;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] })
  items: MemberDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class AddedMemberDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: MembershipRole, enumName: 'MembershipRole' })
  role: MembershipRole;

  @ApiProperty({ description: 'An invitation or notification mail was queued.' })
  invitationSent: boolean;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  mustChangePassword: boolean;
}
