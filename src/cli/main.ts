#!/usr/bin/env node
/** benefit-rules command line: evaluate households, list packs, show parameters, run the demo. */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { demoCommand, evaluateCommand, packsCommand, paramsCommand, schemaCommand } from './commands.js';
import { EXIT_USER_ERROR, print, run } from './io.js';

const lang = () => new Option('--lang <lang>', 'language of explanations and names').choices(['zh', 'en']).default('en');
const packs = () => new Option('--packs <dir...>', 'extra folders of packs to load beside the bundled ones');

const program = new Command('benefit-rules')
  .description("China's social-assistance rules as data: evaluate households, explain every yuan")
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_USER_ERROR);
  });

program
  .command('evaluate')
  .description('evaluate one household (a JSON file, or standard input) for one month')
  .argument('[household]', 'household JSON file; - or nothing for standard input')
  .requiredOption('--month <YYYY-MM>', 'the month to evaluate')
  .option('--explain', 'print the explanation for a person to read instead of JSON')
  .addOption(lang())
  .option('--known-at <YYYY-MM-DD>', 'use the rules as they were known on this date (audits)')
  .option('--no-trace', 'leave the trace out of the JSON result')
  .addOption(packs())
  .action((household: string | undefined, options) => run(() => print(evaluateCommand(household, options))));

program
  .command('packs')
  .description('list the jurisdictions (rule packs)')
  .addOption(lang())
  .addOption(packs())
  .action((options) => run(() => print(packsCommand(options))));

program
  .command('params')
  .description('show the parameters in force for a jurisdiction and month, with their sources')
  .argument('<jurisdiction>', 'pack id, e.g. cn-640181')
  .requiredOption('--month <YYYY-MM>', 'the month')
  .option('--known-at <YYYY-MM-DD>', 'as known on this date')
  .option('--json', 'print JSON instead of a table')
  .addOption(lang())
  .addOption(packs())
  .action((jurisdiction: string, options) => run(() => print(paramsCommand(jurisdiction, options))));

program
  .command('demo')
  .description('evaluate the sample households of every bundled jurisdiction and print a table')
  .addOption(lang())
  .action((options) => run(() => print(demoCommand(options))));

program
  .command('schema')
  .description('write the JSON Schemas of households and pack files')
  .option('--out <dir>', 'folder to write to', 'schema')
  .action((options) => run(() => print(schemaCommand(options))));

program.parse();
