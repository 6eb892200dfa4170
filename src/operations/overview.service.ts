import { Injectable, StreamableFile } from '@nestjs/common';
import { OrgAccess, hasCapability } from '../authz/permission-table';
import { PartnerConditions, priceFor } from '../billing/catalog/pricing';
import { CatalogService } from '../billing/catalog/catalog.service';
import { csvAttachment } from '../common/csv';
import { Page, toPage } from '../common/pagination';
import { createdAtIso } from '../database/creation-order';
import { licenseLimit } from '../licensing/license-limit';
import { OverviewCustomerDto, OverviewQueryDto } from './dto/overview.dto';
import { OverviewRepository, OverviewRow } from './overview.repository';

export const OVERVIEW_CSV_COLUMNS = [
  'id',
  'name',
  'licensesLimit',
  'licensesUsed',
  'licensesSource',
  'trialEndsAt',
  'subscriptionStatus',
  'planCode',
  'nextInvoiceAt',
  'netPriceCents',
  'hosts',
  'endpoints',
  'createdAt',
] as const;

/**
 * The partner operation center: every linked customer's licences, trial, subscription and
 * inventory in one list (one query per page), as JSON pages or as one CSV of all rows. Prices
 * only for those who may see the partner's billing (its admins).
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly overview: OverviewRepository,
    private readonly catalog: CatalogService,
  ) {}

  async page(access: OrgAccess, query: OverviewQueryDto, now = new Date()): Promise<Page<OverviewCustomerDto>> {
    const [rows, conditions] = await Promise.all([
      this.overview.find({ ...this.filters(access, query, now), limit: query.limit + 1, cursor: query.cursor }),
      this.conditions(access),
    ]);
    return toPage(rows, query.limit, (row) => OverviewRepository.cursorKey(query.sort, row), (row) => toCustomerDto(row, now, conditions));
  }

  /** All matching customers in the page order, as CSV (RFC 4180, a header row, formulas neutralized for spreadsheets). */
  async csv(access: OrgAccess, query: OverviewQueryDto, now = new Date()): Promise<StreamableFile> {
    const [rows, conditions] = await Promise.all([this.overview.find(this.filters(access, query, now)), this.conditions(access)]);
    const columns = conditions ? OVERVIEW_CSV_COLUMNS : OVERVIEW_CSV_COLUMNS.filter((column) => column !== 'netPriceCents');
    return csvAttachment(
      rows.map((row) => {
        const customer = toCustomerDto(row, now, conditions);
        return {
          id: customer.id,
          name: customer.name,
          licensesLimit: customer.licenses.limit,
          licensesUsed: customer.licenses.used,
          licensesSource: customer.licenses.source,
          trialEndsAt: customer.trialEndsAt ?? '',
          subscriptionStatus: customer.subscription?.status ?? '',
          planCode: customer.subscription?.planCode ?? '',
          nextInvoiceAt: customer.subscription?.nextInvoiceAt ?? '',
          netPriceCents: customer.subscription?.netPriceCents ?? '',
          hosts: customer.hosts,
          endpoints: customer.endpoints,
          createdAt: customer.createdAt,
        };
      }),
      columns,
      'customers.csv',
    );
  }

  private filters(access: OrgAccess, query: OverviewQueryDto, now: Date) {
    return {
      partnerId: access.organizationId,
      now,
      q: query.q,
      trialEndingWithinDays: query.trialEndingWithinDays,
      minLicenseUsagePercent: query.minLicenseUsagePercent,
      subscriptionStatus: query.subscriptionStatus,
      sort: query.sort,
    };
  }

  /** The partner's conditions when the caller may see prices (the billing capability), else null. */
  private async conditions(access: OrgAccess): Promise<{ partner: PartnerConditions | null } | null> {
    return hasCapability(access, 'billing') ? { partner: await this.catalog.conditionsOf(access.organizationId) } : null;
  }
}

function toCustomerDto(row: OverviewRow, now: Date, prices: { partner: PartnerConditions | null } | null): OverviewCustomerDto {
  const { limit, source, trialEndsAt } = licenseLimit(
    { trialEndsAt: new Date(row.trial_ends_at), trialLicenses: row.trial_licenses, subscriptionLicenses: row.subscription_licenses ?? undefined },
    now,
  );
  const active = row.subscription_status === 'active';
  return {
    id: row.id,
    name: row.name,
    licenses: { limit, used: row.hosts, source },
    trialEndsAt: trialEndsAt?.toISOString() ?? null,
    subscription: row.subscription_status
      ? {
          status: row.subscription_status,
          planCode: row.plan_code!,
          nextInvoiceAt: active && !row.cancel_at_period_end ? new Date(row.current_period_end!).toISOString() : null,
          ...(prices && active
            ? {
                netPriceCents:
                  priceFor({ code: row.plan_code!, listPriceCents: row.plan_list_price_cents! }, prices.partner) +
                  row.addons.reduce((sum, addon) => sum + priceFor(addon, prices.partner), 0),
              }
            : {}),
        }
      : null,
    hosts: row.hosts,
    endpoints: row.endpoints,
    createdAt: createdAtIso(row),
  };
}
