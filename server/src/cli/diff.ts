/**
 * `ehcp diff <old> <new>` and `ehcp diff --git <rev>[..<rev>] [<paths…>]`: what changed for the
 * child between two versions of plans. Exit codes: 0 no differences, 1 differences (with
 * `--fail-on reduction`, only when provision was reduced), 2 a usage or file problem.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parsePlan, type ParsedPlan } from '../core/parse';
import { diffPlans, makeReport } from '../review/diff';
import { changedPlans, GitError, parseRevisions, readManyAtRevisions, repoRoot, type ChangedPlan } from '../review/git';
import { DEFAULT_SIMILARITY } from '../review/match';
import { renderJson, renderMarkdown, renderText } from '../review/render';
import type { DiffReport, PlanDiff } from '../review/types';
import { InputError, quoteArg, UsageError } from './args';
import { ConfigResolver } from './config-files';
import { comparePaths, displayPath, findPlans, isPlanName } from './files';
import { decodeText, ioReason } from './io';

export const DIFF_USAGE = `Usage: ehcp diff <old plan> <new plan> [options]
       ehcp diff <old folder> <new folder> [options]
       ehcp diff --git <rev>[..<rev>] [<paths…>] [options]

Shows what changed for the child between two versions of a plan: needs, outcomes and provision
added, removed, changed or re-linked, provision moved between sections, plan details, and above
all provision that was reduced, with the size of the cut. Reordering and re-wrapping are no change.

  --git <rev>               Compare plans at a revision with the working tree; <a>..<b> compares
                            two revisions, <a>...<b> from where they forked. Added, deleted and
                            renamed plans are included. Paths limit which plans are compared.
  --format <text|markdown|json>  Output format (default: text; coloured at a terminal).
  --fail-on <difference|reduction>  Exit with 1 on any difference (the default), or only when
                            provision was reduced.
  --similarity <percent>    Items whose id changed are matched by their words when at least this
                            much is shared (default 50).

Exit codes: 0 no differences, 1 differences (or reductions with --fail-on reduction),
2 the command could not run.
`;

export interface DiffArgs {
  paths: string[];
  git?: string;
  format: 'text' | 'markdown' | 'json';
  failOn: 'difference' | 'reduction';
  similarity: number;
}

export function parseDiffArgs(argv: readonly string[]): DiffArgs | 'help' {
  const args: DiffArgs = { paths: [], format: 'text', failOn: 'difference', similarity: DEFAULT_SIMILARITY };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!['--git', '--format', '--fail-on', '--similarity', '-f'].includes(name)) throw new UsageError(`unknown option ${quoteArg(name)} for "ehcp diff" (see ehcp diff --help)`);
    let value: string | undefined = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    const key = name === '-f' ? '--format' : name;
    if (seen.has(key)) throw new UsageError(`${key} is given more than once`);
    seen.add(key);
    if (key === '--git') args.git = value;
    else if (key === '--format') {
      if (value === 'md') value = 'markdown';
      if (value !== 'text' && value !== 'markdown' && value !== 'json') throw new UsageError(`unknown format ${quoteArg(value)} for "ehcp diff" (use text, markdown or json)`);
      args.format = value;
    } else if (key === '--fail-on') {
      if (value !== 'difference' && value !== 'reduction') throw new UsageError(`--fail-on takes "difference" or "reduction" (got ${quoteArg(value)})`);
      args.failOn = value;
    } else {
      const pct = value.endsWith('%') ? value.slice(0, -1) : value;
      if (!/^\d+(\.\d+)?$/.test(pct) || Number(pct) > 100 || Number(pct) <= 0) throw new UsageError(`--similarity needs a percentage above 0 and up to 100 (got ${quoteArg(value)})`);
      args.similarity = Number(pct) / 100;
    }
  }
  if (args.git === undefined && args.paths.length !== 2) {
    throw new UsageError(args.paths.length < 2 ? 'give the old and the new plan (or folder) to compare, or --git <rev>: for example ehcp diff old.ehcp.yaml new.ehcp.yaml' : 'give exactly two plans or folders to compare, or use --git <rev> [paths…]');
  }
  return args;
}

/** Parse plan text for the diff; a plan that cannot be read is an input problem. */
function parseForDiff(text: string, label: string): ParsedPlan {
  const parsed = parsePlan(text);
  if (parsed.value === undefined || parsed.hasSyntaxErrors) {
    const first = parsed.findings.find((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
    throw new InputError(`cannot compare ${quoteArg(label)}: it cannot be read as a plan${first ? ` (line ${first.range.start.line + 1}: fix the YAML first)` : ''}`);
  }
  return parsed;
}

function readPlanFile(abs: string, label: string): ParsedPlan {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    throw new InputError(`cannot read ${quoteArg(label)}: ${ioReason(error)}`);
  }
  return parseForDiff(decodeText(bytes), label);
}

function extraPhrases(configs: ConfigResolver, abs: string | undefined): string[] {
  if (!abs) return [];
  try {
    return configs.forFile(abs).config.extraVaguePhrases ?? [];
  } catch {
    return [];
  }
}

export function runDiff(args: DiffArgs, colour: boolean): { output: string; code: number } {
  const cwd = process.cwd();
  const configs = new ConfigResolver(cwd);
  const plans: PlanDiff[] = [];
  const options = (abs?: string) => ({ similarityThreshold: args.similarity, extraVaguePhrases: extraPhrases(configs, abs) });

  if (args.git !== undefined) {
    let root: string;
    let changed: ChangedPlan[];
    let revs;
    try {
      root = repoRoot(cwd);
      revs = parseRevisions(args.git, cwd);
      changed = changedPlans(revs, args.paths, cwd);
    } catch (error) {
      if (error instanceof GitError) throw new InputError(error.message);
      throw error;
    }
    const show = (rel: string): string => displayPath(path.join(root, rel), cwd);
    // Every old (and, between two revisions, new) version in one git process.
    const wanted: { rev: string; file: string }[] = [];
    for (const c of changed) {
      if (c.oldPath) wanted.push({ rev: revs.from, file: c.oldPath });
      if (c.newPath && revs.to) wanted.push({ rev: revs.to, file: c.newPath });
    }
    const blobs = new Map<string, Buffer | GitError>();
    let results: (Buffer | GitError)[];
    try {
      results = readManyAtRevisions(wanted, root);
    } catch (error) {
      if (error instanceof GitError) throw new InputError(error.message);
      throw error;
    }
    wanted.forEach((w, i) => blobs.set(`${w.rev}\u0000${w.file}`, results[i]!));
    const readRev = (rev: string, rel: string): ParsedPlan => {
      const bytes = blobs.get(`${rev}\u0000${rel}`) ?? new GitError('not read');
      if (bytes instanceof GitError) throw new InputError(`cannot read ${quoteArg(show(rel))} at ${rev.slice(0, 12)}: ${bytes.message}`);
      return parseForDiff(decodeText(bytes), `${show(rel)} at ${rev.slice(0, 12)}`);
    };
    const readNew = (rel: string): ParsedPlan => (revs.to ? readRev(revs.to, rel) : readPlanFile(path.join(root, rel), show(rel)));
    const loaded = changed.map((c) => ({ c, old: c.oldPath ? readRev(revs.from, c.oldPath) : undefined, new: c.newPath ? readNew(c.newPath) : undefined }));
    pairMovedPlans(loaded);
    for (const l of loaded) {
      if (!l.old && !l.new) continue;
      const d = diffPlans(l.old, l.new, options(l.c.newPath ? path.join(root, l.c.newPath) : undefined));
      if (l.c.oldPath) d.oldPath = show(l.c.oldPath);
      if (l.c.newPath) d.newPath = show(l.c.newPath);
      if (l.c.status === 'renamed' || (l.c.oldPath && l.c.newPath && l.c.oldPath !== l.c.newPath)) d.status = d.status === 'unchanged' ? 'renamed' : d.status;
      plans.push(d);
    }
  } else {
    const [a, b] = args.paths as [string, string];
    const kindOf = (p: string): 'file' | 'folder' => {
      try {
        return statSync(path.resolve(cwd, p)).isDirectory() ? 'folder' : 'file';
      } catch (error) {
        throw new InputError(`cannot read ${quoteArg(p)}: ${ioReason(error)}`);
      }
    };
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) throw new InputError(`compare a plan with a plan, or a folder with a folder (${quoteArg(a)} is a ${ka}, ${quoteArg(b)} a ${kb})`);
    if (ka === 'file') {
      const absA = path.resolve(cwd, a);
      const absB = path.resolve(cwd, b);
      const d = diffPlans(readPlanFile(absA, a), readPlanFile(absB, b), options(absB));
      d.oldPath = displayPath(absA, cwd);
      d.newPath = displayPath(absB, cwd);
      plans.push(d);
    } else {
      const list = (dir: string): Map<string, string> => {
        const abs = path.resolve(cwd, dir);
        const found = new Map<string, string>();
        let files: { abs: string }[] = [];
        try {
          files = findPlans([dir], cwd);
        } catch {
          files = [];
        }
        for (const f of files) if (isPlanName(path.basename(f.abs))) found.set(path.relative(abs, f.abs).split(path.sep).join('/'), f.abs);
        return found;
      };
      const left = list(a);
      const right = list(b);
      if (left.size === 0 && right.size === 0) throw new InputError(`no plans (*.ehcp.yaml) found in ${quoteArg(a)} or ${quoteArg(b)}`);
      const names = [...new Set([...left.keys(), ...right.keys()])].sort(comparePaths);
      const loaded = names.map((name) => {
        const l = left.get(name);
        const r = right.get(name);
        return {
          c: { status: (l && r ? 'modified' : l ? 'deleted' : 'added') as ChangedPlan['status'], ...(l ? { oldPath: l } : {}), ...(r ? { newPath: r } : {}) },
          old: l ? readPlanFile(l, displayPath(l, cwd)) : undefined,
          new: r ? readPlanFile(r, displayPath(r, cwd)) : undefined,
        };
      });
      pairMovedPlans(loaded);
      for (const l of loaded) {
        if (!l.old && !l.new) continue;
        const d = diffPlans(l.old, l.new, options(l.c.newPath));
        if (l.c.oldPath) d.oldPath = displayPath(l.c.oldPath, cwd);
        if (l.c.newPath) d.newPath = displayPath(l.c.newPath, cwd);
        if (l.c.status === 'renamed' && d.status === 'unchanged') d.status = 'renamed';
        plans.push(d);
      }
    }
  }

  const report = makeReport(plans, args.similarity);
  const output = args.format === 'json' ? renderJson(report) : args.format === 'markdown' ? renderMarkdown(report) : renderText(report, { colour });
  return { output, code: exitCode(report, args.failOn) };
}

export function exitCode(report: DiffReport, failOn: DiffArgs['failOn']): number {
  if (failOn === 'reduction') return report.summary.reductions > 0 ? 1 : 0;
  return report.plans.some((p) => p.status !== 'unchanged') ? 1 : 0;
}

interface Loaded {
  c: ChangedPlan;
  old?: ParsedPlan;
  new?: ParsedPlan;
}

/**
 * A plan deleted under one name and added under another is the same child's plan when the legal
 * name and date of birth match (git cannot see a rename of an untracked file): compare them.
 */
function pairMovedPlans(loaded: Loaded[]): void {
  const who = (p: ParsedPlan | undefined): string | undefined => {
    const c = p?.plan.child;
    return c?.name && c.date_of_birth ? `${c.name.value.trim().toLowerCase()}\u0000${c.date_of_birth.value}` : undefined;
  };
  const deleted = loaded.filter((l) => l.c.status === 'deleted');
  for (const add of loaded.filter((l) => l.c.status === 'added')) {
    const key = who(add.new);
    if (!key) continue;
    const match = deleted.find((d) => d.old && who(d.old) === key);
    if (!match) continue;
    add.old = match.old;
    add.c = { status: 'renamed', oldPath: match.c.oldPath!, newPath: add.c.newPath! };
    match.old = undefined;
    deleted.splice(deleted.indexOf(match), 1);
  }
}
