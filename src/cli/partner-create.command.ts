import { EntityManager } from '@mikro-orm/postgresql';
import { IsISO31661Alpha2, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Command, Option } from 'nest-commander';
import { MIN_PASSWORD_LENGTH } from '../accounts/password-hasher';
import { CatalogService } from '../billing/catalog/catalog.service';
import { IsVatId, parseVatId } from '../common/vat-id';
import { ProvisioningService } from '../accounts/provisioning.service';
import { CliOutput } from './cli-output';
import { LoginOptions, parseDecimal, validOptions } from './cli-options';
import { JsonCommand } from './json-command';
import { inTransaction } from '../database/transaction';

class PartnerCreateOptions extends LoginOptions {
  @IsString({ message: '--name is required' })
  @Matches(/\S/, { message: '--name must not be blank' })
  @MaxLength(200, { message: '--name must be at most 200 characters' })
  name: string;

  @Matches(/\S/, { message: '--street must not be blank' })
  @MaxLength(200, { message: '--street must be at most 200 characters' })
  street: string;

  @Matches(/\S/, { message: '--postal-code must not be blank' })
  @MaxLength(20, { message: '--postal-code must be at most 20 characters' })
  postalCode: string;

  @Matches(/\S/, { message: '--city must not be blank' })
  @MaxLength(100, { message: '--city must be at most 100 characters' })
  city: string;

  @IsISO31661Alpha2({ message: '--country must be an ISO 3166-1 alpha-2 code such as DE' })
  country: string;

  @IsOptional()
  @IsVatId({ message: '--vat-id must be a VAT ID with its country prefix, such as DE123456789' })
  vatId?: string;

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
    return inTransaction(this.em, async () => {
      const address = { street: options.street.trim(), postalCode: options.postalCode.trim(), city: options.city.trim(), country: options.country.toUpperCase() };
      const created = await this.provisioning.createPartner({
        name: options.name.trim(),
        address,
        vatId: options.vatId === undefined ? undefined : parseVatId(options.vatId)!,
        adminEmail: options.email,
        adminPassword: options.password,
      });
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

  @Option({ flags: '--street <street>', description: "street and number of the partner's address (invoices are addressed to it)", required: true })
  parseStreet(value: string): string {
    return value;
  }

  @Option({ flags: '--postal-code <code>', description: "postal code of the partner's address", required: true })
  parsePostalCode(value: string): string {
    return value;
  }

  @Option({ flags: '--city <city>', description: "city of the partner's address", required: true })
  parseCity(value: string): string {
    return value;
  }

  @Option({ flags: '--country <code>', description: 'country of the address, ISO 3166-1 alpha-2 (DE, AT, CH, ...)', required: true })
  parseCountry(value: string): string {
    return value;
  }

  @Option({ flags: '--vat-id <id>', description: "the partner's VAT ID (USt-IdNr.) with its country prefix, printed on its invoices" })
  parseVatIdFlag(value: string): string {
    return value;
  }

  @Option({ flags: '--discount <percent>', description: 'partner discount on list prices in percent, 0..100' })
  parseDiscount(value: string): number {
    return parseDecimal(value);
  }
}
