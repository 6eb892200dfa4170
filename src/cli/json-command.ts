import { EntityManager, RequestContext } from '@mikro-orm/postgresql';
import { CommandRunner } from 'nest-commander';
import { CliOutput } from './cli-output';

type CommanderCommand = Parameters<CommandRunner['setCommand']>[0];

/**
 * A command that prints its result as one JSON object. It runs in its own
 * MikroORM request context (there is no global one), and errors, including
 * commander's usage errors, are thrown to the runner, which prints `{error}`.
 */
export abstract class JsonCommand<Options extends object> extends CommandRunner {
  constructor(
    protected readonly em: EntityManager,
    private readonly output: CliOutput,
  ) {
    super();
  }

  override setCommand(command: CommanderCommand): this {
    // Without this, commander calls process.exit itself on a bad option of a subcommand.
    command.exitOverride();
    return super.setCommand(command);
  }

  async run(_arguments: string[], options: Options = {} as Options): Promise<void> {
    const result = await RequestContext.create(this.em, () => this.execute(options));
    await this.output.print(result);
  }

  protected abstract execute(options: Options): Promise<object>;
}
