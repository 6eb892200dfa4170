import { ApiProperty } from '@nestjs/swagger';

export class LogoDto {
  @ApiProperty({ enum: ['image/png', 'image/jpeg'], description: 'The type of the stored (re-encoded) image, decided from the uploaded bytes.' })
  contentType: 'image/png' | 'image/jpeg';

  @ApiProperty({ type: 'integer', format: 'int32', example: 600, description: 'Pixels, as stored: uploads wider or taller than 1024 px are scaled into 1024×1024.' })
  width: number;

  @ApiProperty({ type: 'integer', format: 'int32', example: 200 })
  height: number;

  @ApiProperty({ type: 'integer', format: 'int32', example: 24_512, description: 'Bytes of the stored image; metadata (EXIF etc.) is removed on upload.' })
  size: number;
}

export class LogoUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PNG or JPEG, at least 150×150 px, at most 1 MB (1 048 576 bytes).' })
  file: unknown;
}
