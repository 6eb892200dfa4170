import { EntityManager } from '@mikro-orm/postgresql';
import { IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Command, Option } from 'nest-commander';
import { MIN_PASSWORD_LENGTH } from '../accounts/password-hasher';
import { CatalogService } from '../billing/catalog.service';
import { ProvisioningService } from '../tenancy/provisioning.service';
import { CliOutput } from './cli-output';
import { LoginOptions, parseDecimal, validOptions } from './cli-options';
import { JsonCommand } from './json-command';

class PartnerCreateOptions extends LoginOptions {
  @IsString({ message: '--name is required' })
  @Matches(/\S/, { message: '--name must not be blank' })
  @MaxLength(200, { message: '--name must be at most 200 characters' })
  name: string;

  @IsOptional()
  @IsNumber({}, { message: '--discount must be a number' })
  @Min(0, { message: '--discount must be between 0 and 100' })
  @Max(100, { message: '--discount must be between 0 and 100' })
  discount?: number;
}

@Command({
  name: 'partner:create',
  description: 'Create a partner organization with its first admin; prints {organizationId, userId}',
})
export class PartnerCreateCommand extends JsonCommand<Partial<PartnerCreateOptions>> {
  constructor(
    em: EntityManager,
    output: CliOutput,
    private readonly provisioning: ProvisioningService,
    private readonly catalog: CatalogService,
  ) {
    super(em, output);
  }

  protected async execute(raw: Partial<PartnerCreateOptions>): Promise<object> {
    const options = validOptions(PartnerCreateOptions, raw);
    return this.em.transactional(async () => {
      const created = await this.provisioning.createPartner({ name: options.name.trim(), adminEmail: options.email, adminPassword: options.password });
      // Every partner has its agreement (list prices until conditions are set), so staff can set conditions in the back-office.
      await this.catalog.ensurePartnerAgreement(created.organizationId);
      if (options.discount === undefined) return created;
      await this.catalog.setPartnerDiscount(created.organizationId, options.discount);
      return { ...created, discountPercent: options.discount };
    });
  }

  @Option({ flags: '--name <org>', description: 'name of the partner organization', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--email <admin>', description: "the first admin's e-mail (login)", required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({
    flags: '--password <pw>',
    description: `the first admin's password (at least ${MIN_PASSWORD_LENGTH} characters)`,
    required: true,
  })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--discount <percent>', description: 'partner discount on list prices in percent, 0..100' })
  parseDiscount(value: string): number {
    return parseDecimal(value);
  }
}
