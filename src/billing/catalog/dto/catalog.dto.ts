import { ApiProperty } from '@nestjs/swagger';
import { BillingInterval } from '../catalog.entity';

export class CatalogItemDto {
  @ApiProperty({ example: 'business' })
  code: string;

  @ApiProperty({ example: 'Business' })
  name: string;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Licences (hosts) it adds', example: 50 })
  licenses: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'List price in cents, net', example: 19900 })
  listPrice: number;

  @ApiProperty({ type: 'integer', format: 'int32', description: 'Net price in cents at the billing owner’s partner conditions', example: 15920 })
  price: number;

  @ApiProperty({ enum: ['EUR'] })
  currency: 'EUR';

  @ApiProperty({ enum: BillingInterval, enumName: 'BillingInterval' })
  interval: BillingInterval;
}

export class CatalogDto {
  @ApiProperty({ type: [CatalogItemDto] })
  plans: CatalogItemDto[];

  @ApiProperty({ type: [CatalogItemDto] })
  addons: CatalogItemDto[];
}
