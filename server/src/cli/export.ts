/**
 * `ehcp export`: plans → accessible Word documents for families.
 *
 *   ehcp export <plan | folder…> [-o out.docx | --out-dir DIR] [--large-print] [--no-track-changes]
 *               [--password-stdin | --password-file F] [--force]
 *   ehcp export --check-accessibility <file.docx…>
 *
 * Exit codes as `check`: 0 every plan exported (or every document passed), 1 a plan was not exported
 * because it has errors (or a document failed the checker), 2 the command could not run (usage, a
 * file that cannot be read or written). Passwords never come from the command line.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { checkAccessibility } from '../export/accessibility';
import { AccessibilityError, exportToDocx, preparePlan } from '../export/docx';
import { encryptDocxSync, passwordProblem } from '../export/encrypt';
import { Encrypter, encryptWorkerScript } from '../export/encrypt-pool';
import { WriteError, writeFileAtomic } from '../export/write';
import { InputError, quoteArg, UsageError } from './args';
import { ConfigResolver } from './config-files';
import { displayPath, findPlans } from './files';
import { plural } from './format-text';
import { decodeText, ioReason, oneLine } from './io';

export const EXPORT_USAGE = `Usage: ehcp export <plan | folder…> [options]
       ehcp export --check-accessibility <file.docx…>

Exports plans to Word documents for families: headings, tables with header rows, a glossary,
bookmarks for the family's reply and track changes on. Each document is checked for accessibility
before it is written. A plan with errors is not exported unless you add --force.

Options:
  -o, --out <file.docx>     Where to write the document (one plan only). Default: beside the
                            plan, named after it (priya.ehcp.yaml → priya.docx).
  --out-dir <folder>        Write every document into this folder.
  --large-print             18 pt text and larger headings.
  --no-track-changes        Do not turn track changes on in the document.
  --password-stdin          Read a password from standard input and encrypt the document.
  --password-file <file>    Read the password from the first line of this file.
  --force                   Overwrite existing documents, and export plans that have errors
                            (the document then says so on its first page).
  --config <file>           Use this .ehcprc.yaml for every plan.
  --check-accessibility     Check existing .docx files instead of exporting (with
                            --large-print, text must be at least 16 pt).
  -h, --help                Show this help.

Exit codes: 0 done, 1 a plan has errors or a document failed the check, 2 the command could not run.
`;

export interface ExportArgs {
  inputs: string[];
  out?: string;
  outDir?: string;
  largePrint: boolean;
  trackChanges: boolean;
  passwordStdin: boolean;
  passwordFile?: string;
  force: boolean;
  config?: string;
  checkOnly: boolean;
  help: boolean;
}

/** argv after "export". */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const args: ExportArgs = { inputs: [], largePrint: false, trackChanges: true, passwordStdin: false, force: false, checkOnly: false, help: false };
  const take = (i: number, name: string, inline?: string): [string, number] => {
    if (inline !== undefined) return [inline, i];
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
    return [v, i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const once = (present: unknown) => {
      if (present !== undefined && present !== false) throw new UsageError(`${name} is given more than once`);
    };
    switch (name) {
      case '-o':
      case '--out':
        once(args.out);
        [args.out, i] = take(i, name, inline);
        break;
      case '--out-dir':
        once(args.outDir);
        [args.outDir, i] = take(i, name, inline);
        break;
      case '--password-file':
        once(args.passwordFile);
        [args.passwordFile, i] = take(i, name, inline);
        break;
      case '--config':
      case '-c':
        once(args.config);
        [args.config, i] = take(i, name, inline);
        break;
      case '--password':
      case '-p':
        throw new UsageError('a password is never given on the command line (others can see it): use --password-stdin or --password-file');
      default: {
        if (inline !== undefined) throw new UsageError(`${name} does not take a value`);
        const switches: Record<string, () => void> = {
          '--large-print': () => (args.largePrint = true),
          '--no-track-changes': () => (args.trackChanges = false),
          '--password-stdin': () => (args.passwordStdin = true),
          '--force': () => (args.force = true),
          '--check-accessibility': () => (args.checkOnly = true),
          '--help': () => (args.help = true),
          '-h': () => (args.help = true),
        };
        const set = switches[name];
        if (!set) throw new UsageError(`unknown option ${quoteArg(name)} for "ehcp export" (see ehcp export --help)`);
        set();
      }
    }
  }
  if (args.help) return args;
  if (args.inputs.length === 0) throw new UsageError(args.checkOnly ? 'give at least one .docx file to check' : 'give at least one plan or folder to export, for example: ehcp export caseload/priya.ehcp.yaml');
  if (args.out !== undefined && args.outDir !== undefined) throw new UsageError('use either -o or --out-dir, not both');
  if (args.passwordStdin && args.passwordFile !== undefined) throw new UsageError('use either --password-stdin or --password-file, not both');
  if (args.out !== undefined && !/\.docx$/i.test(args.out)) throw new UsageError(`the output ${quoteArg(args.out)} should end .docx`);
  if (args.checkOnly && (args.out !== undefined || args.outDir !== undefined || args.passwordStdin || args.passwordFile !== undefined)) {
    throw new UsageError('--check-accessibility checks existing documents: it takes no output or password options');
  }
  return args;
}

/** priya.ehcp.yaml → priya.docx */
export function documentName(planFile: string): string {
  return `${path.basename(planFile).replace(/\.ehcp\.ya?ml$/i, '').replace(/\.ya?ml$/i, '')}.docx`;
}

async function readPassword(args: ExportArgs): Promise<string | undefined> {
  let raw: string;
  if (args.passwordStdin) {
    if (process.stdin.isTTY) raw = await readHidden('Password (not shown; send it to the family separately): ');
    else {
      let text = '';
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) text += chunk as string;
      raw = text;
    }
  } else if (args.passwordFile !== undefined) {
    try {
      raw = readFileSync(args.passwordFile, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read the password file ${quoteArg(args.passwordFile)}: ${ioReason(error)}`);
    }
  } else return undefined;
  const password = raw.split(/\r?\n/)[0] ?? '';
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem);
  return password;
}

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

export async function runExport(argv: readonly string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if (args.help) {
    process.stdout.write(EXPORT_USAGE);
    return 0;
  }
  return args.checkOnly ? checkDocuments(args.inputs, args.largePrint) : exportPlans(args);
}

function checkDocuments(files: readonly string[], largePrint: boolean): number {
  let failed = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new InputError(`cannot read ${quoteArg(file)}: ${ioReason(error)}`);
    }
    const problems = checkAccessibility(bytes, { largePrint });
    if (problems.length === 0) {
      process.stdout.write(`${file}: passes the accessibility check\n`);
      continue;
    }
    failed++;
    for (const p of problems) process.stdout.write(`${file}: ${p.check}: ${p.message}\n`);
  }
  if (failed > 0) process.stderr.write(`ehcp: ${plural(failed, 'document')} failed the accessibility check\n`);
  return failed > 0 ? 1 : 0;
}

async function exportPlans(args: ExportArgs): Promise<number> {
  const cwd = process.cwd();
  const plans = findPlans(args.inputs, cwd);
  if (args.out !== undefined && plans.length > 1) throw new UsageError(`-o names one document, but ${plans.length} plans were found: use --out-dir`);
  if (args.outDir !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(args.outDir).isDirectory();
    } catch (error) {
      throw new InputError(`cannot write to ${quoteArg(args.outDir)}: ${ioReason(error)}`);
    }
    if (!isDir) throw new InputError(`${quoteArg(args.outDir)} is not a folder`);
  }
  const targetOf = (abs: string) =>
    args.out !== undefined ? path.resolve(cwd, args.out) : path.join(args.outDir !== undefined ? path.resolve(cwd, args.outDir) : path.dirname(abs), documentName(abs));
  const seen = new Map<string, string>();
  for (const plan of plans) {
    const target = targetOf(plan.abs);
    const other = seen.get(target);
    if (other !== undefined) throw new UsageError(`${quoteArg(other)} and ${quoteArg(plan.display)} would both be written to ${quoteArg(displayPath(target, cwd))}: export them to different folders`);
    seen.set(target, plan.display);
  }
  const password = await readPassword(args);
  const configs = new ConfigResolver(cwd, args.config);
  let encrypter: Encrypter | undefined;
  if (password !== undefined) {
    const script = encryptWorkerScript();
    if (script) encrypter = new Encrypter(script);
  }

  let refused = 0;
  let failedIo = 0;
  let written = 0;
  const many = plans.length > 1;
  try {
    for (const [n, plan] of plans.entries()) {
      const prefix = many ? `[${n + 1}/${plans.length}] ` : '';
      const target = targetOf(plan.abs);
      const shownTarget = displayPath(target, cwd);
      let text: string;
      try {
        text = decodeText(readFileSync(plan.abs));
      } catch (error) {
        process.stderr.write(`${prefix}ehcp: cannot read ${quoteArg(plan.display)}: ${ioReason(error)}\n`);
        failedIo++;
        continue;
      }
      const config = configs.forFile(plan.abs).config;
      const prepared = preparePlan(text, plan.display, config);
      if (!prepared.ok) {
        process.stderr.write(`${prefix}ehcp: ${plan.display}: ${oneLine(prepared.reason)}\n`);
        refused++;
        continue;
      }
      if (prepared.errors.length > 0 && !args.force) {
        process.stderr.write(`${prefix}ehcp: ${plan.display} has ${plural(prepared.errors.length, 'error')}, so it was not exported: fix them (ehcp check ${quoteArg(plan.display)}) or export anyway with --force\n`);
        refused++;
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await exportToDocx(prepared.source, {
          largePrint: args.largePrint,
          trackChanges: args.trackChanges,
          unresolvedIssues: prepared.errors.length,
          glossary: prepared.glossary,
          productVersion: version,
          extraVaguePhrases: config.extraVaguePhrases,
        });
        if (password !== undefined) bytes = encrypter ? await encrypter.encrypt(bytes, password) : encryptDocxSync(bytes, password);
      } catch (error) {
        if (error instanceof AccessibilityError) {
          process.stderr.write(`${prefix}ehcp: ${plan.display}: ${oneLine(error.message)} (please report this)\n`);
          refused++;
          continue;
        }
        throw error;
      }
      try {
        writeFileAtomic(target, bytes, { overwrite: args.force });
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        process.stderr.write(`${prefix}ehcp: cannot write ${quoteArg(shownTarget)}: ${error.message}\n`);
        failedIo++;
        continue;
      }
      written++;
      if (prepared.unexplainedTerms.length > 0) {
        // stdout, like the findings of `ehcp check`: terms are words from the plan, kept off stderr.
        process.stdout.write(`${prefix}${plan.display}: the glossary cannot explain ${plural(prepared.unexplainedTerms.length, 'term')}: ${prepared.unexplainedTerms.join(', ')} (explain them under glossary: in the plan or .ehcprc.yaml)\n`);
      }
      const note = prepared.errors.length > 0 ? ` (with ${plural(prepared.errors.length, 'unresolved error')}, as --force asked)` : '';
      process.stdout.write(`${prefix}${plan.display} → ${shownTarget}${password !== undefined ? ' (password-protected)' : ''}${note}\n`);
    }
  } finally {
    await encrypter?.close();
  }
  if (many) process.stderr.write(`ehcp: exported ${written} of ${plural(plans.length, 'plan')}\n`);
  if (failedIo > 0) return 2;
  return refused > 0 ? 1 : 0;
}
