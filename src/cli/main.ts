#!/usr/bin/env node
/** benefit-rules command line: evaluate households, list packs, show parameters, run the demo. */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { demoCommand, evaluateCommand, packsCommand, paramsCommand, schemaCommand } from './commands.js';
import { EXIT_USER_ERROR, onStdoutError, print, run, runAsync } from './io.js';
import { MAX_WORKERS, batchCommand } from './batch.js';
import { BenefitRulesError } from '../errors.js';
import { CSV_INPUT_COLUMNS } from '../batch/csv.js';
import { auditCommand, timelineCommand } from './audit.js';
import { serveCommand } from './serve.js';
import { compareCommand } from './compare.js';
import { MAX_CURVE_POINTS } from '../analysis/input.js';
import { rulebookCommand } from './rulebook.js';

const lang = () => new Option('--lang <lang>', 'language of explanations and names').choices(['zh', 'en']).default('en');
// One folder a flag (repeat it for several): a variadic option would also take the household file after it.
const packs = () =>
  new Option('--packs <dir>', 'an extra folder of packs to load beside the bundled ones (repeat for several)').argParser((dir: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    dir,
  ]);

const reform = () => new Option('--reform <file>', 'a reform file (JSON: dated changes to pack parameters) applied to the packs; see examples/reforms');

/** Options that only a batch reads: given without --batch they would be silently ignored. */
const BATCH_ONLY = [
  ['out', '--out'],
  ['workers', '--workers'],
  ['inputFormat', '--input-format'],
  ['outputFormat', '--output-format'],
  ['receipt', '--receipt'],
  ['summary', '--summary'],
] as const;

const CSV_HELP = `
CSV batch input: one row per person, the rows of a household sharing household_id, in any order;
household columns are read from its first row (later rows may leave them empty). Columns:
  ${CSV_INPUT_COLUMNS.join(', ')
    .replace(/(.{1,90})(?:, |$)/g, '$1,\n  ')
    .replace(/,\n\s*$/, '')}
Unknown or repeated columns are refused. Example: examples/people.csv`;

process.stdout.on('error', onStdoutError);

const program = new Command('benefit-rules')
  .description("China's social-assistance rules as data: evaluate households, explain every yuan")
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_USER_ERROR);
  });

program
  .command('evaluate')
  .description('evaluate one household (a JSON file, or standard input), or a whole population with --batch')
  .argument('[household]', 'household JSON file; - or nothing for standard input')
  .option('--month <YYYY-MM>', 'the month to evaluate; required, except for a batch whose lines all set their own ({"month", "household"} or a CSV month column)')
  .option('--explain', 'print the explanation for a person to read instead of JSON')
  .addOption(lang())
  .option('--known-at <YYYY-MM-DD>', 'use the rules as they were known on this date (audits)')
  // --trace first, so that neither flag given leaves the option undefined: the single evaluation
  // keeps its trace, the batch leaves it out.
  .option('--trace', 'batch: include the trace in every result')
  .option('--no-trace', 'leave the trace out of the JSON result')
  .option('--batch <file>', 'evaluate every line of an NDJSON file (or CSV, one row per person); - for standard input')
  .addOption(new Option('--input-format <format>', 'batch input format (default: from the file name)').choices(['ndjson', 'csv']))
  .addOption(new Option('--output-format <format>', 'batch output format').choices(['ndjson', 'csv']).default('ndjson'))
  .option('--out <file>', 'batch output file (default: standard output)')
  .option('--workers <n>', `batch worker threads, 0 to ${MAX_WORKERS} (default: one per core; 0 = this thread)`)
  .addOption(
    new Option('--receipt <mode>', 'batch: once = the receipts first, each record names its own by sha256; each = the whole receipt in every record').choices(['once', 'each']),
  )
  .option('--summary <file>', 'batch: also write the summary as JSON (counts per programme and status, the receipts)')
  .option('--no-progress', 'no progress bar, even on a terminal')
  .addOption(packs())
  .addOption(reform())
  .addHelpText('after', CSV_HELP)
  .action((household: string | undefined, options, command: Command) => {
    if (options.batch !== undefined) return runAsync(async () => batchCommand(options));
    return run(() => {
      for (const [key, flag] of BATCH_ONLY) {
        if (command.getOptionValueSource(key) === 'cli') {
          throw new BenefitRulesError('invalid-option', `${flag} is for batches: give --batch FILE with it, or leave it out`, [
            { path: flag, expected: '--batch', found: `${flag} without --batch` },
          ]);
        }
      }
      print(evaluateCommand(household, options));
    });
  });

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
  .option('--json', 'print JSON instead of a table; an error as JSON too, on standard error')
  .addOption(lang())
  .addOption(packs())
  .addOption(reform())
  .action((jurisdiction: string, options) => run(() => print(paramsCommand(jurisdiction, options)), options.json === true));

program
  .command('timeline')
  .description('evaluate a household month by month from dated snapshots, carrying enrolment, last amount and gradual exit')
  .argument('[timeline]', 'timeline JSON ({ "snapshots": [{ "from", "household" | "changes" }] }) or a household; - for standard input')
  .requiredOption('--from <YYYY-MM>', 'first month')
  .requiredOption('--to <YYYY-MM>', 'last month')
  .option('--known-at <YYYY-MM-DD>', 'as known on this date')
  .option('--json', 'print JSON instead of a table; an error as JSON too, on standard error')
  .addOption(lang())
  .addOption(packs())
  .addOption(reform())
  .action((file: string | undefined, options) => run(() => print(timelineCommand(file, options)), options.json === true));

program
  .command('audit')
  .description('audit a payment ledger (CSV) against the households (NDJSON timelines), as known when paid and as known now; or --verify a report')
  .option('--ledger <file>', 'ledger CSV: household_id, member_id, programme, month, amount, paid_on')
  .option('--households <file>', 'households NDJSON: one timeline or household a line')
  .option('--from <YYYY-MM>', "first month checked for missing payments (default: the ledger's first)")
  .option('--to <YYYY-MM>', "last month checked for missing payments (default: the ledger's last)")
  .addOption(new Option('--format <format>', 'what goes to --out or standard output').choices(['json', 'csv', 'summary']).default('json'))
  .option('--out <file>', 'report file (default: standard output)')
  .option('--verify <report>', 're-run the report from its receipt and confirm it byte for byte')
  .option('--no-progress', 'no progress bar, even on a terminal')
  .addOption(lang())
  .addOption(packs())
  .action((options, command: Command) => runAsync(() => auditCommand({ ...options, given: Object.keys(options).filter((name) => command.getOptionValueSource(name) === 'cli') })));

program
  .command('compare')
  .description('evaluate a population under the baseline and under a reform: totals, households gaining and losing, by programme, jurisdiction and income decile')
  .requiredOption('--reform <file>', 'the reform file (JSON: dated changes to pack parameters); see examples/reforms')
  .requiredOption('--batch <file>', 'the population: NDJSON (a household a line) or CSV (a row a person); - for standard input')
  .option('--month <YYYY-MM>', 'the month of lines that do not set their own')
  .option('--weight <field>', 'NDJSON: the field of each line (beside "household", or in it) holding its weight; weights totals, counts and the deciles')
  .option('--threshold <yuan>', 'the least change counted as a gain or a loss', '0.01')
  .addOption(new Option('--format <format>', 'json: one document; csv: a row a group; summary: a table').choices(['json', 'csv', 'summary']).default('json'))
  .addOption(lang())
  .option('--out <file>', 'report file (default: standard output)')
  .option('--households <file>', 'also write a line per household (NDJSON): totals, the programmes that moved, errors')
  .addOption(new Option('--input-format <format>', 'input format (default: from the file name)').choices(['ndjson', 'csv']))
  .option('--workers <n>', `worker threads, 0 to ${MAX_WORKERS} (default: one per core; 0 = this thread)`)
  .addOption(packs())
  .action((options) => runAsync(() => compareCommand(options)));

program
  .command('curve')
  .description("one household over a range of one member's income: benefits, income plus benefits, marginal rates and cliffs, as JSON, CSV or an SVG chart")
  .argument('[household]', 'household JSON file; - or nothing for standard input')
  .requiredOption('--month <YYYY-MM>', 'the month evaluated')
  .requiredOption('--vary <member.type>', 'the income varied: a member id and an income type, e.g. worker.wages')
  .requiredOption('--from <yuan>', 'lowest value of that income')
  .requiredOption('--to <yuan>', 'highest value of that income')
  .requiredOption('--step <yuan>', `step between points (at most ${MAX_CURVE_POINTS} points)`)
  .addOption(reform())
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'svg']).default('json'))
  .addOption(lang())
  .option('--out <file>', 'output file (default: standard output)')
  .option('--known-at <YYYY-MM-DD>', 'use the rules as they were known on this date')
  .addOption(packs())
  .action((household: string | undefined, options) =>
    runAsync(async () => {
      // Loaded here, as the chart within it is loaded only for SVG: the other commands start as fast as before.
      const { curveCommand } = await import('./curve.js');
      await curveCommand(household, options);
      return 0;
    }),
  );

program
  .command('check')
  .description(
    'run the ready properties of benefit-rules/testing (totals add up, no negative amounts, compiled = reference, a raised standard never lowers dibao, income never raises it) on generated households; needs fast-check',
  )
  .option('--reform <file>', 'check this reform (JSON): the properties run on the reformed packs, and "a raised standard never lowers dibao" compares it with the baseline')
  .option('--jurisdiction <id>', "the pack whose households are drawn (default: the reform's jurisdictions, else every bundled one with standards)")
  .option('--month <YYYY-MM>', "the month evaluated (default: the month the reform starts, else the bundled population's month)")
  .option('--runs <n>', 'households drawn for each property', '100')
  .option('--seed <n>', 'the seed (default: a fixed one, so that a run is repeatable)')
  .option('--property <name>', 'run only this property')
  .option('--path <path>', 'with --property and --seed: replay the shrunk counterexample at this path, as printed')
  .addOption(lang())
  .addOption(packs())
  .action((options) =>
    runAsync(async () => {
      // Loaded here: the testing entry and fast-check cost the other commands nothing.
      const { checkCommand } = await import('./check.js');
      return checkCommand(options);
    }),
  );

program
  .command('rulebook')
  .description('the rule book: a Markdown page per programme and jurisdiction (conditions, amounts, values by date, sources), zh and en')
  .option('--jurisdiction <id>', 'a pack id, e.g. cn-640181 (repeat for several; default: every pack)', (id: string, previous: string[] | undefined) => [...(previous ?? []), id])
  .option('--programme <id>', 'a programme id, e.g. dibao (repeat for several; default: every programme)', (id: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    id,
  ])
  .addOption(new Option('--lang <lang>', 'zh, en, or both (two sections, one set of tables)').choices(['zh', 'en', 'both']).default('both'))
  .option('--out <dir>', 'write <dir>/<jurisdiction>/<programme>.md (default: print the pages)')
  .addOption(packs())
  .action((options) => run(() => print(rulebookCommand(options))));

program
  .command('demo')
  .description('evaluate the sample households of every bundled jurisdiction and print a table')
  .addOption(lang())
  .action((options) => run(() => print(demoCommand(options))));

program
  .command('serve')
  .description('serve the library over HTTP: POST /v1/evaluate, /v1/evaluate/batch, /v1/timeline, /v1/audit; GET /v1/packs, /v1/parameters/{id}, /v1/openapi.json, /healthz')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on (0: any free port, printed on standard error)', '8080')
  .option('--max-body <bytes>', 'largest JSON request body, and longest batch line', String(1024 * 1024))
  .option('--timeout <ms>', 'time to receive and answer a request', '30000')
  .option('--max-concurrent <n>', 'requests under way at once; more are answered 503', '64')
  .addOption(packs())
  .action((options) => runAsync(() => serveCommand(options)));

program
  .command('schema')
  .description('write the JSON Schemas: households, pack files, results, errors, batch records, audit findings, ledger lines')
  .option('--out <dir>', 'folder to write to', 'schema')
  .action((options) => run(() => print(schemaCommand(options))));

await program.parseAsync();
