import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { WebhookEvents } from '../webhook-events/webhook-events.service';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { OrgAccess } from '../authz/permission-table';
import { Page, decodeCursor, toPage } from '../common/pagination';
import { notFound } from '../common/domain-error';
import { MembershipRepository } from './membership.repository';
import { MailService } from '../mail/mail.service';
import { Organization } from '../tenancy/organization.entity';
import { AddMemberDto, AddedMemberDto, MemberDto, UserDto } from './dto/member.dto';
import { Membership } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { User, normalizeEmail } from './user.entity';
import { MembershipRole, OrganizationKind } from '../authz/roles';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { AccountsErrors } from './accounts.errors';

export const INVITATION_TEMPLATE = 'invitation';
export const MEMBERSHIP_ADDED_TEMPLATE = 'membership-added';

@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly memberships: MembershipRepository,
    private readonly passwords: PasswordHasher,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly events: WebhookEvents,
  ) {}

  /** Makes `userId` the first admin of an organization being created in the current transaction. */
  addFounder(organization: Organization, userId: string): void {
    const em = this.em.getContext();
    em.persist(em.create(Membership, { organization, user: em.getReference(User, userId), role: MembershipRole.Admin }));
  }

  /** A user with a password chosen by an operator (CLI, demo seed); does not require a change. */
  async createUser(email: string, name: string, password: string): Promise<User> {
    const em = this.em.getContext();
    const user = em.create(User, {
      email: normalizeEmail(email),
      name,
      passwordHash: await this.passwords.hash(password),
      mustChangePassword: false,
    });
    em.persist(user);
    return user;
  }

  addMembership(organization: Organization, user: User, role: MembershipRole): Membership {
    const em = this.em.getContext();
    const membership = em.create(Membership, { organization, user, role });
    em.persist(membership);
    return membership;
  }

  async getUser(userId: string): Promise<UserDto> {
    const user = await this.em.findOne(User, { id: userId });
    if (!user) throw notFound('User');
    return { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword };
  }

  async listMembers(organizationId: OrganizationId, limit: number, q?: string, cursor?: string): Promise<Page<MemberDto>> {
    const after = decodeCursor<[string, string]>(cursor, ['string', 'uuid']);
    const rows = await this.memberships.members(organizationId, limit, q, after);
    return toPage(rows, limit, (row) => [row.email, row.user_id], (row) => ({
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.status,
    }));
  }

  /**
   * Adds a member. A new user gets the given password, or a generated temporary
   * one that only the invitation mail carries; an existing user is just added
   * and notified.
   */
  async addMember(access: OrgAccess, dto: AddMemberDto, actor: Actor): Promise<AddedMemberDto> {
    return inTransaction(this.em, async (em) => {
      const email = normalizeEmail(dto.email);
      const organization = em.getReference(Organization, access.organizationId);
      let user = await em.findOne(User, { email });
      let invitationSent: boolean;

      if (user) {
        const existing = await em.count(Membership, { organization: access.organizationId, user: user.id });
        if (existing > 0) throw AccountsErrors.alreadyMember(email);
        invitationSent = dto.sendInvitation ?? true;
        if (invitationSent) {
          this.mail.queue({
            template: MEMBERSHIP_ADDED_TEMPLATE,
            recipient: user.email,
            organizationId: access.organizationId,
            references: { userId: user.id, organizationId: access.organizationId },
          });
        }
      } else {
        if (dto.password === undefined && dto.sendInvitation === false) {
          throw AccountsErrors.invitationRequired();
        }
        const temporaryPassword = dto.password === undefined ? this.passwords.generateTemporary() : undefined;
        user = em.create(User, {
          email,
          name: dto.name?.trim() || email.split('@')[0],
          passwordHash: await this.passwords.hash(dto.password ?? temporaryPassword!),
          mustChangePassword: temporaryPassword !== undefined,
        });
        em.persist(user);
        invitationSent = dto.sendInvitation ?? temporaryPassword !== undefined;
        if (invitationSent) {
          this.mail.queue({
            template: INVITATION_TEMPLATE,
            recipient: email,
            organizationId: access.organizationId,
            references: { userId: user.id, organizationId: access.organizationId },
            secret: temporaryPassword,
          });
        }
      }

      this.addMembership(organization, user, dto.role);
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw AccountsErrors.alreadyMember(email);
        }
        throw error;
      }
      await this.audit.record({ organizationId: access.organizationId, actor, action: 'member.add', target: { type: 'user', id: user.id } });
      await this.events.publish({ type: 'member.added', organizationId: access.organizationId, data: { userId: user.id, role: dto.role } });
      return { userId: user.id, email: user.email, role: dto.role, invitationSent };
    });
  }

  /**
   * Replaces the user's password by a generated temporary one that only the invitation mail
   * carries (to the user's oldest organization, for its branding) and requires a change at the next
   * login. Runs in the caller's transaction, which ends the user's sessions (AuthService.revokeSessions).
   */
  async issueTemporaryPassword(userId: string): Promise<{ userId: string; email: string; organizationIds: OrganizationId[] }> {
    const em = this.em.getContext();
    const user = await em.findOne(User, { id: userId });
    if (!user) throw notFound('User');
    const memberships = await em.find(
      Membership,
      { user: userId, organization: { deletedAt: null } },
      { populate: ['organization'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    if (memberships.length === 0) {
      throw AccountsErrors.noOrganizationToMail(user.email);
    }
    const temporaryPassword = this.passwords.generateTemporary();
    user.passwordHash = await this.passwords.hash(temporaryPassword);
    user.mustChangePassword = true;
    this.mail.queue({
      template: 'temporary-password',
      recipient: user.email,
      organizationId: memberships[0].organization.id,
      references: { userId: user.id, organizationId: memberships[0].organization.id },
      secret: temporaryPassword,
    });
    await em.flush();
    return { userId, email: user.email, organizationIds: memberships.map((membership) => membership.organization.id) };
  }

  async changeRole(access: OrgAccess, userId: string, role: MembershipRole, actor: Actor): Promise<MemberDto> {
    return inTransaction(this.em, async (em) => {
      const membership = await this.lockMembership(access.organizationId, userId);
      if (membership.role === MembershipRole.Admin && role !== MembershipRole.Admin) {
        await this.assertNotLastAdmin(access);
      }
      membership.role = role;
      await em.flush();
      await this.audit.record({ organizationId: access.organizationId, actor, action: 'member.role-change', target: { type: 'user', id: userId } });
      const user = membership.user;
      return { userId: user.id, email: user.email, name: user.name, role, status: user.status };
    });
  }

  async removeMember(access: OrgAccess, userId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const membership = await this.lockMembership(access.organizationId, userId);
      if (membership.role === MembershipRole.Admin) await this.assertNotLastAdmin(access);
      await em.remove(membership).flush();
      await this.audit.record({ organizationId: access.organizationId, actor, action: 'member.remove', target: { type: 'user', id: userId } });
      await this.events.publish({ type: 'member.removed', organizationId: access.organizationId, data: { userId } });
    });
  }

  /** Removes every membership of a deleted organization. */
  async removeAllMemberships(organizationId: OrganizationId): Promise<void> {
    await this.em.getContext().nativeDelete(Membership, { organization: organizationId });
  }

  private async lockMembership(organizationId: OrganizationId, userId: string): Promise<Membership> {
    await this.memberships.lockAdmins(organizationId);
    const membership = await this.em.getContext().findOne(Membership, { organization: organizationId, user: userId }, { populate: ['user'] });
    if (!membership) throw notFound('Member');
    return membership;
  }

  /** Partner and standalone organizations need an admin; a customer organization has its partner's. */
  private async assertNotLastAdmin(access: OrgAccess): Promise<void> {
    if (access.organizationKind === OrganizationKind.Customer) return;
    const admins = await this.em.getContext().count(Membership, { organization: access.organizationId, role: MembershipRole.Admin });
    if (admins <= 1) throw AccountsErrors.lastAdmin();
  }
}
