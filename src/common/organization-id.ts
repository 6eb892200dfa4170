declare const organizationIdBrand: unique symbol;

/**
 * The id of the organization a query is scoped to. Every tenant-scoped repository method takes
 * one as a required argument (Novu's `enforce.ts` idea), so a tenant query without a tenant, or
 * with a user or invoice id in its place, does not compile. Values come from the authorized
 * route parameter (`OrgIdParam`), from a row that names its organization, or from job data.
 */
export type OrganizationId = string & { readonly [organizationIdBrand]: true };

/** For ids already known to name an organization (a checked parameter, a row's organization_id, job data). */
export const asOrganizationId = (id: string): OrganizationId => id as OrganizationId;
