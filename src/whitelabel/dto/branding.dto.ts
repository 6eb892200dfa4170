import { ApiProperty } from '@nestjs/swagger';
import { EffectiveBranding } from '../effective-branding';

export class EffectiveLogoDto {
  @ApiProperty({
    enum: ['own', 'partner', 'default'],
    description: 'Whose logo reports carry: the organization’s own, else its partner’s (linked customer organizations), else the platform default.',
  })
  source: 'own' | 'partner' | 'default';

  @ApiProperty({ enum: ['image/png', 'image/jpeg'] })
  contentType: 'image/png' | 'image/jpeg';

  @ApiProperty({ type: 'integer', format: 'int32', example: 600 })
  width: number;

  @ApiProperty({ type: 'integer', format: 'int32', example: 200 })
  height: number;
}

export class BrandingDto {
  @ApiProperty({ type: EffectiveLogoDto })
  logo: EffectiveLogoDto;

  @ApiProperty({
    example: 'Muster IT GmbH',
    description: 'The brand the logo belongs to: the organization’s name (own), its partner’s name (partner) or the platform vendor’s (default).',
  })
  name: string;
}

export function toBrandingDto(branding: EffectiveBranding): BrandingDto {
  const { contentType, width, height } = branding.logo;
  return { logo: { source: branding.source, contentType, width, height }, name: branding.name };
}
