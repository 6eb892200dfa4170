import { ApiProperty } from '@nestjs/swagger';

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time', description: 'The login that started it.' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'Its last login or token refresh.' })
  lastUsedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'The client address of that last use.' })
  ip: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ description: 'The session of the access token asking.' })
  current: boolean;
}
