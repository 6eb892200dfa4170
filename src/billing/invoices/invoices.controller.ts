import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CheckAbility } from '../../authz/policy.decorators';
import { ApiOrgProblems } from '../../common/api-problems.decorator';
import { PageQueryDto } from '../../common/pagination';
import { ApiRenderedFile, pdfAttachment, pdfPending, xmlAttachment } from '../../common/pdf-response';
import { OrganizationId } from '../../common/organization-id';
import { OrgIdParam, UuidParam } from '../../common/uuid-param';
import { CustomerInvoicePageDto, InvoiceDetailDto, InvoicePageDto, InvoicePdfPendingDto } from './dto/invoice.dto';
import { InvoiceDocumentStatus } from './invoice-document.entity';
import { InvoiceDocumentService, InvoiceFile } from './invoice-document.service';
import { InvoiceService } from './invoice.service';

@ApiTags('billing')
@Controller('organizations/:orgId')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoiceService,
    private readonly documents: InvoiceDocumentService,
  ) {}

  @Get('invoices')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ operationId: 'listInvoices', summary: 'Invoices for this organization, newest first' })
  @ApiOkResponse({ type: InvoicePageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<InvoicePageDto> {
    return this.invoices.list(orgId, query.limit, query.cursor);
  }

  @Get('invoices/:invoiceId')
  @ApiOperation({ operationId: 'getInvoice', summary: 'One invoice or credit note with its lines' })
  @CheckAbility('manage', 'Billing')
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiOrgProblems()
  get(@OrgIdParam() orgId: OrganizationId, @UuidParam('invoiceId') invoiceId: string): Promise<InvoiceDetailDto> {
    return this.invoices.get(orgId, invoiceId);
  }

  @Get('invoices/:invoiceId/pdf')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ operationId: 'getInvoicePdf', summary: 'The invoice as PDF, once the pdf queue has rendered it' })
  @ApiRenderedFile('application/pdf', 'The PDF, as an attachment named invoice-<number>.pdf (credit-note-<number>.pdf for a credit note)', InvoicePdfPendingDto)
  @ApiOrgProblems()
  async pdf(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('invoiceId') invoiceId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile | InvoicePdfPendingDto> {
    return fileOrPending(await this.documents.pdf(orgId, invoiceId), response, pdfAttachment);
  }

  @Get('invoices/:invoiceId/xml')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'getInvoiceXml',
    summary: 'The invoice as EN 16931 e-invoice (XRechnung, CII syntax), once the pdf queue has rendered it',
    description:
      'The same data the PDF embeds as factur-x.xml (Factur-X / ZUGFeRD EN 16931 profile). A credit note is type 381 with positive amounts and the corrected invoice as preceding invoice reference (BT-25).',
  })
  @ApiRenderedFile('application/xml', 'The XRechnung, as an attachment named invoice-<number>.xml (credit-note-<number>.xml for a credit note)', InvoicePdfPendingDto)
  @ApiOrgProblems()
  async xml(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('invoiceId') invoiceId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile | InvoicePdfPendingDto> {
    return fileOrPending(await this.documents.xml(orgId, invoiceId), response, xmlAttachment);
  }

  @Get('customer-invoices')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'listCustomerInvoices',
    summary: 'Every invoice issued to this partner for its customers, deleted customer organizations included',
    description: 'Empty for organizations that are not partners.',
  })
  @ApiOkResponse({ type: CustomerInvoicePageDto })
  @ApiOrgProblems()
  customerInvoices(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<CustomerInvoicePageDto> {
    return this.invoices.listForCustomers(orgId, query.limit, query.cursor);
  }

  @Get('customer-invoices/:invoiceId/pdf')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    operationId: 'getCustomerInvoicePdf',
    summary: "A customer invoice's PDF, for the partner it is addressed to",
    description: 'Also of deleted customer organizations (whose own routes are gone), e.g. the credit note their deletion issued.',
  })
  @ApiRenderedFile('application/pdf', 'The PDF (Factur-X PDF/A-3), as an attachment', InvoicePdfPendingDto)
  @ApiOrgProblems()
  async customerInvoicePdf(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('invoiceId') invoiceId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile | InvoicePdfPendingDto> {
    return fileOrPending(await this.documents.pdf(orgId, invoiceId, 'billing-owner'), response, pdfAttachment);
  }

  @Get('customer-invoices/:invoiceId/xml')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ operationId: 'getCustomerInvoiceXml', summary: "A customer invoice's XRechnung, for the partner it is addressed to", description: 'Also of deleted customer organizations.' })
  @ApiRenderedFile('application/xml', 'The XRechnung (CII), as an attachment', InvoicePdfPendingDto)
  @ApiOrgProblems()
  async customerInvoiceXml(
    @OrgIdParam() orgId: OrganizationId,
    @UuidParam('invoiceId') invoiceId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile | InvoicePdfPendingDto> {
    return fileOrPending(await this.documents.xml(orgId, invoiceId, 'billing-owner'), response, xmlAttachment);
  }
}

/** 200 with the file once rendered, else 202 with Retry-After and the document's status. */
function fileOrPending<Content>(
  document: InvoiceFile<Content>,
  response: FastifyReply,
  attachment: (content: Content, fileName: string) => StreamableFile,
): StreamableFile | InvoicePdfPendingDto {
  if (document.status !== InvoiceDocumentStatus.Rendered) return pdfPending(response, document.status);
  return attachment(document.content, document.fileName);
}
