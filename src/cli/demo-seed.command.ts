import { EntityManager } from '@mikro-orm/postgresql';
import { Command } from 'nest-commander';
import { CliOutput } from './cli-output';
import { DemoSeedService } from './demo-seed.service';
import { JsonCommand } from './json-command';

@Command({
  name: 'demo:seed',
  description: 'Create a demo partner with customers, logins, hosts and endpoints (once); prints the logins',
})
export class DemoSeedCommand extends JsonCommand<Record<string, never>> {
  constructor(
    em: EntityManager,
    output: CliOutput,
    private readonly demo: DemoSeedService,
  ) {
    super(em, output);
  }

  protected execute(): Promise<object> {
    return this.demo.seed();
  }
}
