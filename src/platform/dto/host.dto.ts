import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateHostDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'srv-dc01' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, maxLength: 100, nullable: true, example: 'Windows Server 2022' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  os?: string | null;
}

export class HostDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  os: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class HostPageDto {
  @ApiProperty({ type: [HostDto] })
  items: HostDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
