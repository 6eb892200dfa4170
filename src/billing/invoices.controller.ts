import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { PageQueryDto } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CustomerInvoicePageDto, InvoiceDetailDto, InvoicePageDto } from './dto/invoice.dto';
import { InvoiceService } from './invoice.service';

@ApiTags('billing')
@Controller('organizations/:orgId')
export class InvoicesController {
  constructor(private readonly invoices: InvoiceService) {}

  @Get('invoices')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({ summary: 'Invoices for this organization, newest first' })
  @ApiOkResponse({ type: InvoicePageDto })
  @ApiOrgProblems()
  list(@UuidParam('orgId') orgId: string, @Query() query: PageQueryDto): Promise<InvoicePageDto> {
    return this.invoices.list(orgId, query.limit, query.cursor);
  }

  @Get('invoices/:invoiceId')
  @CheckAbility('manage', 'Billing')
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiOrgProblems()
  get(@UuidParam('orgId') orgId: string, @UuidParam('invoiceId') invoiceId: string): Promise<InvoiceDetailDto> {
    return this.invoices.get(orgId, invoiceId);
  }

  @Get('customer-invoices')
  @CheckAbility('manage', 'Billing')
  @ApiOperation({
    summary: 'Every invoice issued to this partner for its customers, deleted customer organizations included',
    description: 'Empty for organizations that are not partners.',
  })
  @ApiOkResponse({ type: CustomerInvoicePageDto })
  @ApiOrgProblems()
  customerInvoices(@UuidParam('orgId') orgId: string, @Query() query: PageQueryDto): Promise<CustomerInvoicePageDto> {
    return this.invoices.listForCustomers(orgId, query.limit, query.cursor);
  }
}
