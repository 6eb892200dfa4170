import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ReportErrors } from './reports.errors';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../audit/actor';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { PageQueryDto } from '../common/pagination';
import { ApiRenderedFile, pdfAttachment, pdfPending } from '../common/pdf-response';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam, UuidParam } from '../common/uuid-param';
import { OrderReportDto, ReportDto, ReportOrderedDto, ReportPageDto, ReportPdfPendingDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('organizations/:orgId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @CheckAbility('create', 'Report')
  @ApiOperation({ operationId: 'orderReport', summary: 'Order a PDF report; the pdf queue renders it', description: 'Location names the status resource.' })
  @ApiAcceptedResponse({ type: ReportOrderedDto })
  @ApiOrgProblems()
  async order(
    @OrgIdParam() orgId: OrganizationId,
    @Body() dto: OrderReportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ReportOrderedDto> {
    const ordered = await this.reports.order(orgId, dto.type, actor);
    // Relative to the request URL, so it holds behind any path prefix.
    response.header('Location', `reports/${ordered.id}`);
    return ordered;
  }

  @Get()
  @CheckAbility('read', 'Report')
  @ApiOperation({ operationId: 'listReports', summary: 'Reports of this organization, newest first' })
  @ApiOkResponse({ type: ReportPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<ReportPageDto> {
    return this.reports.list(orgId, query.limit, query.cursor);
  }

  @Get(':reportId')
  @ApiOperation({ operationId: 'getReport', summary: 'One report and its rendering state' })
  @CheckAbility('read', 'Report')
  @ApiOkResponse({ type: ReportDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId, @UuidParam('reportId') reportId: string): Promise<ReportDto> {
    return this.reports.get(orgId, reportId);
  }

  @Get(':reportId/pdf')
  @CheckAbility('read', 'Report')
  @ApiOperation({ operationId: 'getReportPdf', summary: 'The rendered report', description: '202 while queued or rendering; 409 report-failed when rendering failed for good.' })
  @ApiRenderedFile('application/pdf', 'The PDF, as an attachment', ReportPdfPendingDto)
  @ApiOrgProblems(ReportErrors.renderingFailed('the organization was deleted before the report was rendered'))
  async pdf(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('reportId') reportId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile | ReportPdfPendingDto> {
    const result = await this.reports.pdf(orgId, reportId);
    if (!result.ready) return pdfPending(response, result.status);
    return pdfAttachment(result.pdf, result.fileName);
  }
}
