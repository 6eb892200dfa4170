import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { AccountsService } from './accounts.service';
import { normalizeEmail, User } from './user.entity';
import { AddressDto } from '../tenancy/dto/organization.dto';
import { TenancyService } from '../tenancy/tenancy.service';
import { MembershipRole, OrganizationKind } from '../authz/roles';
import { inTransaction } from '../database/transaction';
import { AccountsErrors } from './accounts.errors';

export interface NewPartner {
  name: string;
  address: AddressDto;
  /** Already in the form `parseVatId` returns. */
  vatId?: string;
  adminEmail: string;
  adminName?: string;
  adminPassword: string;
}

/** Operator-side creation of partners (CLI, demo seed, back-office). */
@Injectable()
export class ProvisioningService {
  constructor(
    private readonly em: EntityManager,
    private readonly tenancy: TenancyService,
    private readonly accounts: AccountsService,
  ) {}

  /** A partner organization with its first admin; an existing user with that e-mail becomes the admin. */
  async createPartner(data: NewPartner): Promise<{ organizationId: OrganizationId; userId: string }> {
    return inTransaction(this.em, async (em) => {
      const organization = this.tenancy.createOrganization({
        name: data.name,
        address: data.address,
        vatId: data.vatId,
        kind: OrganizationKind.Partner,
      });
      const email = normalizeEmail(data.adminEmail);
      const existing = await em.findOne(User, { email });
      if (existing) throw AccountsErrors.userExists(email);
      const user = await this.accounts.createUser(email, data.adminName ?? email.split('@')[0], data.adminPassword);
      this.accounts.addMembership(organization, user, MembershipRole.Admin);
      await em.flush();
      return { organizationId: organization.id, userId: user.id };
    });
  }
}
