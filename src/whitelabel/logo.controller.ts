import { Controller, Delete, Get, HttpCode, HttpStatus, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../audit/actor';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { DomainError } from '../common/domain-error';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam } from '../common/uuid-param';
import { BrandingService } from './branding.service';
import { BrandingDto, toBrandingDto } from './dto/branding.dto';
import { LogoDto, LogoUploadDto } from './dto/logo.dto';
import { UploadedLogo, isMultipart } from './logo-upload.middleware';
import { LogoErrors } from './whitelabel.errors';
import { StoredLogo } from './logo.repository';
import { LogoService } from './logo.service';

const IMAGE_RESPONSE = { content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } } as const;

@ApiTags('whitelabel')
@Controller('organizations/:orgId')
export class LogoController {
  constructor(
    private readonly logos: LogoService,
    private readonly brandings: BrandingService,
  ) {}

  @Put('logo')
  @CheckAbility('manage', 'Logo')
  @ApiOperation({
    operationId: 'uploadLogo',
    summary: 'Upload the organization’s logo (replaces the current one)',
    description:
      'The type is decided from the bytes, not the file name or declared type: PNG and JPEG only (else 415). At least 150×150 px and at ' +
      'most 25 megapixels as declared in the image header (400, checked before decoding), at most 1 MB counted as received (413). The ' +
      'image is decoded completely (truncated files: 400) and stored re-encoded without metadata, scaled into 1024×1024 px; a logo whose short ' +
      'side would end below 150 px that way (more elongated than about 6.8:1) is refused (400 logo-too-small). The token is checked before the ' +
      'body is read (401 without reading it into memory); a refused body is read to its end (up to 8 MB) before the answer, so clients that send ' +
      'everything first still read it.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: LogoUploadDto })
  @ApiOkResponse({ type: LogoDto })
  @ApiOrgProblems(413, 415)
  upload(
    @OrgIdParam() orgId: OrganizationId,
    @UploadedLogo() file: Express.Multer.File | undefined,
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<LogoDto> {
    if (!file) throw missingFile(request);
    return this.logos.upload(orgId, file.buffer, actor);
  }

  @Get('logo')
  @CheckAbility('read', 'Logo')
  @ApiOperation({ operationId: 'getLogo', summary: 'The organization’s own logo', description: 'With ETag and Last-Modified; If-None-Match answers 304. 404 when none was uploaded.' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The image', ...IMAGE_RESPONSE })
  @ApiOrgProblems()
  async get(@OrgIdParam() orgId: OrganizationId, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile | undefined> {
    return sendImage(await this.logos.metadata(orgId), () => this.logos.data(orgId), request, response);
  }

  @Delete('logo')
  @HttpCode(HttpStatus.NO_CONTENT)
  @CheckAbility('manage', 'Logo')
  @ApiOperation({ operationId: 'deleteLogo', summary: 'Remove the organization’s logo', description: 'Reports fall back to the partner’s logo, else the platform default. 404 when there is none.' })
  @ApiNoContentResponse()
  @ApiOrgProblems()
  async remove(@OrgIdParam() orgId: OrganizationId, @CurrentActor() actor: Actor): Promise<void> {
    await this.logos.remove(orgId, actor);
  }

  @Get('branding')
  @CheckAbility('read', 'Branding')
  @ApiOperation({ operationId: 'getBranding', summary: 'Which logo and brand the organization’s reports carry' })
  @ApiOkResponse({ type: BrandingDto })
  @ApiOrgProblems()
  async branding(@OrgIdParam() orgId: OrganizationId): Promise<BrandingDto> {
    return toBrandingDto(await this.brandings.branding(orgId));
  }

  @Get('branding/logo')
  @CheckAbility('read', 'Branding')
  @ApiOperation({
    operationId: 'getEffectiveLogo',
    summary: 'The effective logo itself',
    description: 'Own logo, else the partner’s, else the platform default: what reports show. Lets customer logins see their partner’s logo without access to the partner organization.',
  })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The image', ...IMAGE_RESPONSE })
  @ApiOrgProblems()
  async effectiveLogo(@OrgIdParam() orgId: OrganizationId, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile | undefined> {
    const branding = await this.brandings.branding(orgId);
    return sendImage(branding.logo, () => this.brandings.logoBytes(branding), request, response);
  }
}

/**
 * Private (the routes need a token) but cacheable: clients revalidate with the ETag each time, and a
 * revalidation that matches is answered without reading the image.
 */
async function sendImage(
  image: Pick<StoredLogo, 'contentType' | 'sha256'> & { updatedAt?: Date },
  loadData: () => Promise<Buffer>,
  request: FastifyRequest,
  response: FastifyReply,
): Promise<StreamableFile | undefined> {
  const etag = `"${image.sha256}"`;
  response.header('ETag', etag);
  response.header('Cache-Control', 'private, no-cache');
  response.header('X-Content-Type-Options', 'nosniff');
  if (image.updatedAt) response.header('Last-Modified', image.updatedAt.toUTCString());
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    response.status(HttpStatus.NOT_MODIFIED);
    return undefined;
  }
  const data = await loadData();
  return new StreamableFile(data, { type: image.contentType, disposition: 'inline', length: data.length });
}

function missingFile(request: FastifyRequest): DomainError {
  if (!isMultipart(request.headers['content-type'])) {
    return LogoErrors.multipartRequired();
  }
  return LogoErrors.fileMissing();
}
