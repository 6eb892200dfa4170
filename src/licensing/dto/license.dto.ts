import { ApiProperty } from '@nestjs/swagger';

export class LicensesDto {
  @ApiProperty({ type: 'integer', format: 'int32', description: 'How many hosts the organization may have.', example: 2 })
  limit: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Hosts the organization has; each takes one licence.', example: 1 })
  used: number;

  @ApiProperty({
    enum: ['trial', 'subscription', 'none'],
    description: 'Where the limit comes from: the active subscription, else the running trial, else none (limit 0).',
  })
  source: 'trial' | 'subscription' | 'none';

  @ApiProperty({
    format: 'date-time',
    type: String,
    nullable: true,
    description: 'End of the trial (also once it has ended) while no subscription applies; null with a subscription.',
  })
  trialEndsAt: string | null;
}
