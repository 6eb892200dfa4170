import { EntityManager } from '@mikro-orm/postgresql';
import { Command, Option } from 'nest-commander';
import { MIN_PASSWORD_LENGTH } from '../accounts/password-hasher';
import { StaffService } from '../admin/staff.service';
import { CliOutput } from './cli-output';
import { LoginOptions, validOptions } from './cli-options';
import { JsonCommand } from './json-command';

@Command({ name: 'staff:create', description: 'Create a back-office (staff) login; prints {staffId}' })
export class StaffCreateCommand extends JsonCommand<Partial<LoginOptions>> {
  constructor(
    em: EntityManager,
    output: CliOutput,
    private readonly staff: StaffService,
  ) {
    super(em, output);
  }

  protected async execute(raw: Partial<LoginOptions>): Promise<object> {
    const options = validOptions(LoginOptions, raw);
    return this.staff.createStaff(options.email, options.password);
  }

  @Option({ flags: '--email <e>', description: 'the staff login e-mail', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <pw>', description: `at least ${MIN_PASSWORD_LENGTH} characters`, required: true })
  parsePassword(value: string): string {
    return value;
  }
}
