import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Public } from '../authz/policy.decorators';
import { API_PREFIX } from '../config/http';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

class ServiceLinksDto {
  @ApiProperty({ example: 'http://localhost:3000/docs', description: 'Swagger UI of this API' })
  docs: string;
  @ApiProperty({ example: 'http://localhost:3000/docs-json' })
  openapi: string;
  @ApiProperty({ example: 'http://localhost:3000/api/v1', description: 'base of every REST route' })
  api: string;
  @ApiProperty({ example: 'http://localhost:3000/admin', description: 'back-office for platform staff' })
  admin: string;
  @ApiProperty({ example: 'http://localhost:3000/health' })
  health: string;
}

class ServiceIndexDto {
  @ApiProperty({ example: 'partnerhub' })
  name: string;
  @ApiProperty({ example: '0.1.0' })
  version: string;
  @ApiProperty({ type: ServiceLinksDto })
  links: ServiceLinksDto;
}

/** The nearest package.json above this file: src/health in a checkout, dist/src/health when built. */
function packageVersion(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

/** `GET /`: what this server is and where to go next, for whoever opens PUBLIC_URL first. */
@ApiTags('operations')
@Controller()
export class ServiceIndexController {
  private readonly index: ServiceIndexDto;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const base = config.publicUrl;
    this.index = {
      name: 'partnerhub',
      version: packageVersion(),
      links: { docs: `${base}/docs`, openapi: `${base}/docs-json`, api: `${base}/${API_PREFIX}`, admin: `${base}/admin`, health: `${base}/health` },
    };
  }

  @Get()
  @ApiOperation({ operationId: 'getServiceIndex', summary: 'Where the API, its documentation, the back-office and health are' })
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: ServiceIndexDto, description: 'Name, version and the links to the API documentation, back-office and health check.' })
  describe(): ServiceIndexDto {
    return this.index;
  }
}
