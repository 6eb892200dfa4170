import { IsBoolean, IsEnum, IsInt, IsNotEmpty, IsNumber, IsObject, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BillingInterval } from '../catalog.entity';
import { Omittable } from '../../../common/validation';

/** Staff edits of a plan or addon (back-office); code and interval are fixed once created. */
export class CatalogItemChangesDto {
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  licenses?: number;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  listPriceCents?: number;

  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class NewCatalogItemDto {
  @Matches(/^[a-z0-9][a-z0-9-]{0,49}$/, { message: 'code must be lower-case letters, digits and dashes (at most 50)' })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  licenses: number;

  @IsInt()
  @Min(0)
  @Max(100_000_000)
  listPriceCents: number;

  @IsEnum(BillingInterval)
  interval: BillingInterval;

  @Omittable()
  @IsBoolean()
  active?: boolean;
}

/** A partner's conditions as staff set them; catalog codes in `priceOverrides` are checked by the service. */
export class PartnerConditionsDto {
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  discountPercent: number;

  @IsObject()
  priceOverrides: Record<string, number>;
}
