/**
 * `ehcp`: the command-line checker (bundled to dist/cli.js). Reads plans from disk, checks them
 * with the pure core (in-process for small runs, on worker threads for large ones), and prints
 * text, json or SARIF. Exit codes: 0 no errors, 1 errors found, 2 the command could not run.
 */
import { statSync } from 'node:fs';
import { version } from '../../../package.json';
import type { Finding } from '../core/types';
import { adviceReport } from './advice';
import { InputError, parseArgs, quoteArg, USAGE, UsageError, type CheckArgs } from './args';
import { cachePath, PlanCache } from './cache';
import { adviceStamps, checkFile, type FileResult, type FileTask } from './check-file';
import { ConfigResolver } from './config-files';
import { runExport } from './export';
import { comparePaths, displayPath, findPlans } from './files';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, plural } from './format-text';
import { ioReason, oneLine } from './io';
import { checkInPool, poolSize, workerScript } from './pool';
import { createProgress } from './progress';
import { changedSince } from './changed-since';
import { DIFF_USAGE, parseDiffArgs, runDiff } from './diff';
import { runFmt } from './fmt';
import { runShow } from './show';
import type { FileReport, RunReport } from './report';
import { replyCommand } from './reply';
import { allRules, formatRulesJson, formatRulesText } from './rule-list';
import { describeError, silenceLibraryWarnings } from '../host/quiet';

/** Runs with more plans than this (after the cache) are spread over worker threads. */
const POOL_THRESHOLD = 40;

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'export') return runExport(argv.slice(1));
  // `ehcp reply` has options of its own (server/src/cli/reply.ts).
  if (argv[0] === 'reply') return replyCommand(argv.slice(1));
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'rules':
      process.stdout.write(command.format === 'json' ? formatRulesJson(allRules()) : formatRulesText(allRules()));
      return 0;
    case 'check':
      return check(command.options);
    case 'diff': {
      const args = parseDiffArgs(command.argv);
      if (args === 'help') {
        process.stdout.write(DIFF_USAGE);
        return 0;
      }
      const result = runDiff(args, useColour());
      process.stdout.write(result.output);
      return result.code;
    }
    case 'fmt': {
      const result = runFmt(command.argv);
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      return result.code;
    }
    case 'show':
      process.stdout.write(runShow(command.argv));
      return 0;
    case 'advice':
      return adviceReport(command.options);
  }
}

async function check(options: CheckArgs): Promise<number> {
  const cwd = process.cwd();
  const plans = options.changedSince !== undefined ? changedSince(options.changedSince, options.patterns, cwd) : findPlans(options.patterns, cwd);
  const configs = new ConfigResolver(cwd, options.config);
  const cache = options.cache ? PlanCache.load(cachePath(options.cacheLocation, cwd)) : undefined;

  const findingsByFile = new Map<string, Finding[]>();
  const failures: { file: string; error: string }[] = [];
  const tasks: FileTask[] = [];
  const keyOf = new Map<string, string>();

  for (const plan of plans) {
    const config = configs.forFile(plan.abs);
    const task: FileTask = { file: plan.abs, config: config.index };
    if (cache) {
      // The advice files a plan names are part of what its findings depend on.
      const key = config.key + adviceStamps(plan.abs);
      keyOf.set(plan.abs, key);
      let stats;
      try {
        stats = statSync(plan.abs);
      } catch {
        // checkFile reports why.
      }
      if (stats?.isFile()) {
        const hit = cache.lookup(plan.abs, key, stats.size, stats.mtimeMs);
        if ('findings' in hit) {
          findingsByFile.set(plan.abs, hit.findings);
          continue;
        }
        if (hit.knownHash) task.knownHash = hit.knownHash;
      }
    }
    tasks.push(task);
  }

  const progress = createProgress(plans.length);
  let done = findingsByFile.size;
  const onResult = (r: FileResult) => {
    if (!r.ok) failures.push({ file: r.file, error: r.error });
    else {
      const findings = r.unchanged && cache ? cache.findings(r.file) : r.findings;
      findingsByFile.set(r.file, findings);
      if (cache && r.hash) cache.set(r.file, keyOf.get(r.file)!, r.size, r.mtimeMs, r.hash, findings);
    }
    progress.tick(++done);
  };

  const setup = { configs: configs.all.map((c) => c.config), wantHash: !!cache };
  const script = workerScript();
  const size = script ? poolSize(tasks.length, POOL_THRESHOLD) : 0;
  try {
    if (script && size > 1) {
      await checkInPool(script, tasks, setup, size, onResult);
    } else {
      for (const task of tasks) onResult(await checkFile(task, setup.configs[task.config] ?? {}, setup.wantHash));
    }
  } finally {
    progress.clear();
  }

  // Saved even when a plan could not be read: the other plans' results still hold.
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      // A cache that cannot be written makes the next run slower, not wrong.
      process.stderr.write(`ehcp: could not save the cache ${quoteArg(displayPath(cache.file, cwd))}: ${ioReason(error)}\n`);
    }
  }

  if (failures.length > 0) {
    const first = failures.map((f) => ({ ...f, display: displayPath(f.file, cwd) })).sort((a, b) => comparePaths(a.display, b.display))[0]!;
    const more = failures.length > 1 ? ` (and ${plural(failures.length - 1, 'other file')})` : '';
    throw new InputError(`cannot read ${quoteArg(first.display)}: ${first.error}${more}`);
  }

  const files: FileReport[] = [];
  for (const plan of plans) files.push({ file: plan.display, findings: findingsByFile.get(plan.abs) ?? [], isPlan: true });
  for (const c of configs.all) {
    if (c.file && c.findings.length > 0) files.push({ file: displayPath(c.file, cwd), findings: c.findings, isPlan: false });
  }
  files.sort((a, b) => comparePaths(a.file, b.file));

  const all = files.flatMap((f) => f.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;

  const shown = options.quiet ? files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) : files;
  const report: RunReport = { files: shown.filter((f) => f.findings.length > 0), planCount: plans.length, cwd };

  let output: string;
  if (options.format === 'json') output = formatJson(report);
  else if (options.format === 'sarif') output = formatSarif(report, version);
  else output = formatText(report, { colour: useColour(), quiet: options.quiet });
  if (output) process.stdout.write(output);

  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`ehcp: ${plural(warnings, 'warning')} found, more than --max-warnings ${options.maxWarnings} allows\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** Colour only at a terminal, never when NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
function useColour(): boolean {
  if (process.env.NO_COLOR !== undefined) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return process.stdout.isTTY === true;
}

/** One line on stderr, never a stack trace, never plan text. */
function report(error: unknown): void {
  if (error instanceof UsageError || error instanceof InputError) {
    process.stderr.write(`ehcp: ${oneLine(error.message)}\n`);
  } else {
    // The message is not printed: it may quote the plan.
    process.stderr.write(`ehcp: internal error: ${describeError(error)} (please report this)\n`);
  }
}

/** Anything thrown outside the main flow: report it and stop now (worker threads included). */
function die(error: unknown): never {
  report(error);
  process.exit(2);
}

silenceLibraryWarnings();
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`ehcp check … | head`): stop quietly.
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  die(error);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    report(error);
    process.exitCode = 2;
  },
);
