/** Command-line arguments → a plain description of what to do. Usage problems throw UsageError. */

export type Format = 'text' | 'json' | 'sarif';
export const formats: readonly Format[] = ['text', 'json', 'sarif'];

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'rules'; format: Format }
  | { kind: 'check'; options: CheckArgs }
  | { kind: 'diff' | 'fmt' | 'show'; argv: string[] }
  | { kind: 'advice'; options: AdviceArgs };

/** `ehcp advice`: the traceability report from advice to plan. */
export interface AdviceArgs {
  patterns: string[];
  format: 'text' | 'markdown' | 'json';
}

export interface CheckArgs {
  /** Files, folders and globs, as typed. */
  patterns: string[];
  format: Format;
  quiet: boolean;
  cache: boolean;
  cacheLocation?: string;
  config?: string;
  maxWarnings?: number;
  /** Only plans changed since this revision (from where the branch forked), by git. */
  changedSince?: string;
}

/** A mistake in how ehcp was called: exit code 2 and a one-line reason. */
export class UsageError extends Error {}

/** An input or output problem (a missing path, an unreadable file): exit code 2 and a one-line reason. */
export class InputError extends Error {}

export const USAGE = `Usage: ehcp check <files | folders | globs…> [options]
       ehcp export <plan | folder…> [options]   (see ehcp export --help)
       ehcp diff <old> <new> | --git <rev>[..<rev>] [<paths…>]
       ehcp fmt [--check] <files | folders | globs…>
       ehcp show --canonical <file>
       ehcp advice <files | folders | globs…> [--format text|markdown|json]
       ehcp rules
       ehcp reply <returned.docx> [--plan <plan>] [--format text|markdown|json]
       ehcp --help | --version

Checks Education, Health and Care plans written as *.ehcp.yaml files.

Commands:
  check                     Check plans. Folders are searched for *.ehcp.yaml and *.ehcp.yml
                            (node_modules and folders starting with "." are skipped). Globs
                            (quote them: "caseload/**/*.ehcp.yaml") pick plans by pattern.
  export                    Export plans to accessible Word documents for families.
  diff                      What changed for the child between two versions of plans, reductions
                            in provision first (see ehcp diff --help).
  fmt                       Lay plans out in the canonical form (see ehcp fmt --help).
  show --canonical          Print a plan in a form for reading diffs (git textconv).
  advice                    The traceability report: for each advice report a plan names, each
                            recommendation, the plan items that cite it, and the advice's and the
                            plan's who · how often · how long side by side (unused and weakened
                            first). --format text (default), markdown or json.
  rules                     List every rule with its default severity and what it checks.
  reply                     Read the family's returned Word draft: comments and changes by
                            plan item, with conflicts (see ehcp reply --help).

Options for check:
  --format <text|json|sarif>  Output format (default: text). json is a stable array of
                            findings with 0-based positions; sarif is SARIF 2.1.0.
  --quiet                   Report errors only.
  --cache                   Only re-check plans that changed since the last run.
  --cache-location <path>   Where the cache is kept (default: .ehcpcache); implies --cache.
  --config <path>           Use this configuration file for every plan, instead of the
                            nearest .ehcprc.yaml above each plan.
  --max-warnings <n>        Exit with code 1 when there are more than n warnings.
  --changed-since <rev>     Check only plans added or changed since <rev> (from where the
                            branch forked from it), working tree included. Needs git.

Options:
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit codes: 0 no errors found, 1 errors found (or too many warnings),
2 the command could not run (a usage mistake or a file that cannot be read).
`;

/** Parse argv (without node and the script path). */
export function parseArgs(argv: readonly string[]): Command {
  // Commands with their own options parse them in their own files.
  const sub = argv[0];
  if (sub === 'diff' || sub === 'fmt' || sub === 'show') return { kind: sub, argv: argv.slice(1) };
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const withValue = new Set(['--format', '--cache-location', '--config', '--max-warnings', '--changed-since']);
  const switches = new Set(['--quiet', '--cache', '--help', '--version']);
  const aliases: Record<string, string> = { '-h': '--help', '-v': '--version', '-V': '--version', '-q': '--quiet', '-f': '--format', '-c': '--config' };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq === -1 ? arg : arg.slice(0, eq);
    name = aliases[name] ?? name;
    if (withValue.has(name)) {
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || (value.startsWith('-') && value !== '-' && !/^-\d/.test(value))) throw new UsageError(`${name} needs a value`);
        i++;
      }
      if (flags.has(name)) throw new UsageError(`${name} is given more than once`);
      flags.set(name, value);
    } else if (switches.has(name)) {
      if (eq !== -1) throw new UsageError(`${name} does not take a value`);
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${quoteArg(name)}`);
    }
  }

  if (flags.has('--help')) return { kind: 'help' };
  if (flags.has('--version')) return { kind: 'version' };

  const [command, ...rest] = positional;
  if (command === 'advice') {
    for (const f of ['--quiet', '--cache', '--cache-location', '--config', '--max-warnings']) {
      if (flags.has(f)) throw new UsageError(`${f} is an option of "ehcp check", not "ehcp advice"`);
    }
    const raw = flags.get('--format') ?? 'text';
    if (raw !== 'text' && raw !== 'markdown' && raw !== 'json') throw new UsageError(`unknown format ${quoteArg(String(raw))} for "ehcp advice" (use text, markdown or json)`);
    if (rest.length === 0) throw new UsageError('give at least one plan file, folder or glob, for example: ehcp advice caseload/');
    return { kind: 'advice', options: { patterns: rest, format: raw } };
  }
  const format = parseFormat(flags.get('--format'));
  if (command === undefined) throw new UsageError('no command given: try "ehcp check <files | folders | globs…>" or "ehcp --help"');
  if (command === 'help') return { kind: 'help' };
  if (command === 'rules') {
    if (rest.length > 0) throw new UsageError(`"ehcp rules" takes no arguments (got ${quoteArg(rest[0]!)})`);
    for (const f of ['--quiet', '--cache', '--cache-location', '--config', '--max-warnings', '--changed-since']) {
      if (flags.has(f)) throw new UsageError(`${f} is an option of "ehcp check", not "ehcp rules"`);
    }
    if (format === 'sarif') throw new UsageError('"ehcp rules" can print text or json, not sarif');
    return { kind: 'rules', format };
  }
  if (command !== 'check') throw new UsageError(`unknown command ${quoteArg(command)} (the commands are check, rules, advice, export, reply, diff, fmt and show; see ehcp --help)`);
  if (rest.length === 0 && !flags.has('--changed-since')) throw new UsageError('give at least one plan file, folder or glob to check, for example: ehcp check caseload/');

  const options: CheckArgs = {
    patterns: rest.length > 0 ? rest : ['.'],
    format,
    quiet: flags.has('--quiet'),
    cache: flags.has('--cache') || flags.has('--cache-location'),
  };
  const cacheLocation = flags.get('--cache-location');
  if (typeof cacheLocation === 'string') {
    if (cacheLocation === '') throw new UsageError('--cache-location needs a path');
    options.cacheLocation = cacheLocation;
  }
  const config = flags.get('--config');
  if (typeof config === 'string') {
    if (config === '') throw new UsageError('--config needs a path');
    options.config = config;
  }
  const maxWarnings = flags.get('--max-warnings');
  if (typeof maxWarnings === 'string') {
    if (!/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings needs a whole number of 0 or more (got ${quoteArg(maxWarnings)})`);
    options.maxWarnings = Number(maxWarnings);
  }
  const changedSince = flags.get('--changed-since');
  if (typeof changedSince === 'string') {
    if (changedSince === '') throw new UsageError('--changed-since needs a revision, for example origin/main');
    options.changedSince = changedSince;
  }
  return { kind: 'check', options };
}

function parseFormat(value: string | true | undefined): Format {
  if (value === undefined) return 'text';
  if (typeof value === 'string' && (formats as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format ${quoteArg(String(value))} (use text, json or sarif)`);
}

/** An argument shown in a message: quoted, one line, not too long. */
export function quoteArg(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > 80 ? `${clean.slice(0, 77)}...` : clean);
}
