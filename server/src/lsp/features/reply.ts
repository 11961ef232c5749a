/**
 * The family's reply in the language server: `ehcp/reply/import` reads a returned Word draft
 * (sent by the client as bytes, with a password when it is encrypted) and ties it to a plan; the
 * plan's diagnostics then carry the reply's notes (server/src/reply/notes.ts) with their quick
 * fixes; `ehcp.reply.record` writes decisions to the reply log beside the plan. The reply is kept
 * in memory for the session; the decisions are kept on disk.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ParsedPlan } from '../../core/parse';
import type { Finding } from '../../core/types';
import { describeError } from '../../host/quiet';
import { needsPassword } from '../../reply/decrypt';
import { decryptOffThread } from '../../reply/decrypt-thread';
import { declinedKeys, describeEntry, readReplyLog, recordDecision, replyLogName, ReplyLogError, type Decision, type LoggedReply } from '../../reply/log';
import { CLEAR_REQUEST, IMPORT_REQUEST, RECORD_COMMAND, type ImportParams, type ImportResult, type RecordArgs } from '../../reply/commands';
import { replyFindings } from '../../reply/notes';
import { ReplyFileError } from '../../reply/package';
import { readReply } from '../../reply/read';
import { hashPlanText, reviewReply } from '../../reply/review';
import type { ReplyDocument } from '../../reply/types';
import type { ServerContext } from '../context';
import { toPath } from '../plans';

export const replyCommands = [RECORD_COMMAND];
export type { ImportParams, ImportResult } from '../../reply/commands';

interface Imported {
  reply: ReplyDocument;
  document: string;
  log: LoggedReply[];
  generation: number;
}

/** At most this many bytes of returned file (base64 is a third larger). */
const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export class ReplyStore {
  private readonly imported = new Map<string, Imported>();
  private readonly cache = new WeakMap<ParsedPlan, { generation: number; findings: Finding[] }>();
  private generation = 0;

  set(uri: string, value: Omit<Imported, 'generation'>): void {
    this.imported.set(uri, { ...value, generation: ++this.generation });
  }

  get(uri: string): Imported | undefined {
    return this.imported.get(uri);
  }

  clear(uri: string): boolean {
    return this.imported.delete(uri);
  }

  updateLog(uri: string, log: LoggedReply[]): void {
    const entry = this.imported.get(uri);
    if (entry) this.imported.set(uri, { ...entry, log, generation: ++this.generation });
  }

  /** The reply's notes for a plan, recomputed when the plan's text or the reply log changes. */
  findings(uri: string, parsed: ParsedPlan | undefined): Finding[] {
    const entry = this.imported.get(uri);
    if (!entry || !parsed) return [];
    const cached = this.cache.get(parsed);
    if (cached && cached.generation === entry.generation) return cached.findings;
    let findings: Finding[] = [];
    try {
      const review = reviewReply(entry.reply, parsed, { declined: declinedKeys(entry.log) });
      findings = replyFindings(review, parsed, { planUri: uri, document: entry.document, decided: new Map(entry.log.map((l) => [l.key, l])) });
    } catch {
      findings = [];
    }
    this.cache.set(parsed, { generation: entry.generation, findings });
    return findings;
  }
}

function logPathFor(planUri: string): string | undefined {
  const path = toPath(planUri);
  return path ? join(dirname(path), replyLogName(basename(path))) : undefined;
}

function readLog(planUri: string): LoggedReply[] {
  const file = logPathFor(planUri);
  if (!file) return [];
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return readReplyLog(text);
}

/** Writes a file through a temporary file in the same folder and a rename: never half-written. */
function writeAtomically(file: string, text: string): void {
  const dir = mkdtempSync(join(dirname(file), '.ehcp-reply-'));
  const tmp = join(dir, basename(file));
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function registerReply(context: ServerContext, store: ReplyStore, refresh: (uri: string) => void): void {
  const { connection } = context;

  connection.onRequest(IMPORT_REQUEST, async (params: ImportParams): Promise<ImportResult> => {
    try {
      if (typeof params?.data !== 'string' || typeof params.fileName !== 'string') return { status: 'error', message: 'No file was given.' };
      if (params.data.length > (MAX_IMPORT_BYTES * 4) / 3 + 4) return { status: 'error', message: `${params.fileName} is too large for a returned draft.` };
      let bytes: Uint8Array = new Uint8Array(Buffer.from(params.data, 'base64'));
      if (needsPassword(bytes)) {
        if (!params.password) return { status: 'needs-password' };
        try {
          bytes = await decryptOffThread(bytes, params.password);
        } catch (error) {
          if (error instanceof ReplyFileError && error.code === 'wrong-password') return { status: 'wrong-password', message: `The password is not right for ${params.fileName}.` };
          throw error;
        }
      }
      const reply = readReply(bytes);
      const planUri = params.planUri ?? findPlan(context, reply);
      if (!planUri) {
        const candidates = [...context.workspacePlans()].map((p) => p.uri).sort();
        return { status: 'choose-plan', planPath: reply.properties.planPath, candidates };
      }
      const parsed = context.getParsed(planUri);
      if (!parsed) return { status: 'error', message: 'The plan could not be read.' };
      let log: LoggedReply[];
      try {
        log = readLog(planUri);
      } catch (error) {
        return { status: 'error', message: `The reply log beside the plan could not be read: ${error instanceof ReplyLogError ? error.message : 'unknown problem'}.` };
      }
      store.set(planUri, { reply, document: params.fileName, log });
      const review = reviewReply(reply, parsed, { declined: declinedKeys(log) });
      refresh(planUri);
      const result: ImportResult = {
        status: 'ok',
        planUri,
        comments: review.entries.filter((e) => e.kind === 'comment').length,
        changes: review.entries.filter((e) => e.kind === 'change').length,
        untied: review.entries.filter((e) => !e.item).length,
        conflicts: review.items.filter((i) => i.status === 'conflict').length,
      };
      if (review.otherChild) result.otherChild = review.otherChild;
      if (review.planUnchanged !== undefined) result.planUnchanged = review.planUnchanged;
      return result;
    } catch (error) {
      if (error instanceof ReplyFileError) return { status: 'error', message: `${params.fileName} cannot be read: ${error.message}.` };
      connection.console.error(`Importing a reply failed: ${describeError(error)}`);
      return { status: 'error', message: `${params.fileName} could not be imported (an internal error; see the EHCP output).` };
    }
  });

  connection.onRequest(CLEAR_REQUEST, (params: { planUri: string }) => {
    const had = store.clear(params.planUri);
    if (had) refresh(params.planUri);
    return had;
  });
}

/** The workspace plan a reply came from: the one whose text has the document's hash, else the one at the path it names. */
function findPlan(context: ServerContext, reply: ReplyDocument): string | undefined {
  const plans = [...context.workspacePlans()];
  const hash = reply.properties.planHash;
  if (hash) {
    const same = plans.find((p) => hashPlanText(p.parsed.text) === hash);
    if (same) return same.uri;
  }
  const wanted = reply.properties.planPath?.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!wanted) return undefined;
  const matches = plans.filter((p) => {
    const path = toPath(p.uri)?.replace(/\\/g, '/');
    return !!path && (path === wanted || path.endsWith(`/${wanted}`));
  });
  if (matches.length === 1) return matches[0]!.uri;
  const byName = plans.filter((p) => basename(toPath(p.uri) ?? '') === basename(wanted));
  return byName.length === 1 ? byName[0]!.uri : undefined;
}

/** Runs `ehcp.reply.record`; undefined for other commands. */
export function executeReplyCommand(context: ServerContext, store: ReplyStore, refresh: (uri: string) => void, command: string, args: unknown[] | undefined): unknown {
  if (command !== RECORD_COMMAND) return undefined;
  const a = args?.[0] as Partial<RecordArgs> | undefined;
  if (!a || typeof a.planUri !== 'string' || !Array.isArray(a.keys) || !['accepted', 'declined', 'noted'].includes(String(a.decision))) return { ok: false, message: 'Nothing to record.' };
  const imported = store.get(a.planUri);
  const file = logPathFor(a.planUri);
  if (!imported || !file) return { ok: false, message: "Import the family's reply again: it is no longer loaded." };
  const parsed = context.getParsed(a.planUri);
  const entries = parsed ? reviewReply(imported.reply, parsed, { declined: declinedKeys(imported.log) }).entries : imported.reply.entries;
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  const today = new Date().toISOString().slice(0, 10);
  try {
    for (const key of a.keys) {
      const entry = entries.find((e) => e.key === key);
      if (!entry) continue;
      text = recordDecision(text, basename(toPath(a.planUri) ?? 'plan'), {
        key,
        item: entry.item?.id ?? a.item,
        kind: entry.kind,
        author: entry.author,
        date: entry.date,
        said: describeEntry(entry),
        decision: a.decision as Decision,
        reason: typeof a.reason === 'string' && a.reason.trim() !== '' ? a.reason.trim() : undefined,
        decided: today,
        document: imported.document,
      });
    }
    if (text === undefined) return { ok: false, message: 'Nothing to record.' };
    writeAtomically(file, text);
    store.updateLog(a.planUri, readReplyLog(text));
  } catch (error) {
    const message = error instanceof ReplyLogError ? error.message : `the reply log could not be written (${(error as NodeJS.ErrnoException).code ?? 'unknown problem'})`;
    return { ok: false, message: `Not recorded: ${message}.` };
  }
  refresh(a.planUri);
  return { ok: true, logFile: file };
}
