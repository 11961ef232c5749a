/**
 * "EHCP: Import the family's reply…": opens the returned Word draft, sends it to the language
 * server (which ties its comments and changes to the plan's items and shows them as notes with
 * quick fixes), asks for the password of an encrypted file, and asks for a reason when the writer
 * declines a change. No domain logic: the server reads, compares and writes the reply log.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { DECIDE_COMMAND, IMPORT_REQUEST, RECORD_COMMAND, type ImportParams, type ImportResult, type RecordArgs } from '../../server/src/reply/commands';

export const IMPORT_REPLY_COMMAND = 'ehcp.importReply';
export const DECIDE_ITEM_COMMAND = 'ehcp.reply.decideItem';

/** For running the command from code (tests, keybindings): given values replace the dialogs. */
export interface ImportReplyOptions {
  file?: string | vscode.Uri;
  plan?: string | vscode.Uri;
  password?: string;
}

const toUri = (u: string | vscode.Uri) => (typeof u === 'string' ? (/^[a-z][a-z0-9+.-]*:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u);

export function registerReply(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(IMPORT_REPLY_COMMAND, async (first?: unknown, second?: unknown) => {
      const options: ImportReplyOptions = isOptions(first) ? first : isOptions(second) ? second : {};
      if (first instanceof vscode.Uri) options.file ??= first;
      try {
        return await importReply(client, options);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        void vscode.window.showErrorMessage(`EHCP: the reply was not imported: ${reason}`);
        return { status: 'error', message: reason } satisfies ImportResult;
      }
    }),
    vscode.commands.registerCommand(DECIDE_COMMAND, (args: RecordArgs) => decide(client, args)),
    vscode.commands.registerCommand(DECIDE_ITEM_COMMAND, () => decideItem()),
  );
}

function isOptions(value: unknown): value is ImportReplyOptions {
  return !!value && typeof value === 'object' && !(value instanceof vscode.Uri) && ('file' in value || 'plan' in value || 'password' in value);
}

async function importReply(client: LanguageClient, options: ImportReplyOptions): Promise<ImportResult | undefined> {
  let file = options.file ? toUri(options.file) : undefined;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      title: "Import the family's reply",
      openLabel: 'Import',
      canSelectMany: false,
      filters: { 'Word documents': ['docx'] },
    });
    file = picked?.[0];
    if (!file) return undefined;
  }
  const fileName = path.basename(file.fsPath || file.path);
  const data = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('base64');
  const params: ImportParams = { fileName, data };
  if (options.plan) params.planUri = client.code2ProtocolConverter.asUri(toUri(options.plan));
  if (options.password) params.password = options.password;

  const send = () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `EHCP: reading ${fileName}` }, () => client.sendRequest<ImportResult>(IMPORT_REQUEST, params));
  let result = await send();
  for (let attempt = 0; attempt < 3 && (result.status === 'needs-password' || result.status === 'wrong-password'); attempt++) {
    if (options.password) break; // given by code: do not ask
    const password = await vscode.window.showInputBox({
      title: `${fileName} is password-protected`,
      prompt: result.status === 'wrong-password' ? 'That password is not right. Type the password again.' : 'Type the password the family or your team used for this document.',
      password: true,
      ignoreFocusOut: true,
    });
    if (!password) return result;
    params.password = password;
    result = await send();
  }
  if (result.status === 'choose-plan') {
    const active = vscode.window.activeTextEditor?.document;
    const items = result.candidates.map((uri) => ({ label: vscode.workspace.asRelativePath(client.protocol2CodeConverter.asUri(uri)), uri }));
    if (active?.languageId === 'ehcp') items.sort((a, b) => Number(b.uri === client.code2ProtocolConverter.asUri(active.uri)) - Number(a.uri === client.code2ProtocolConverter.asUri(active.uri)));
    const picked = await vscode.window.showQuickPick(items, {
      title: `Which plan is ${fileName} a reply to?`,
      placeHolder: result.planPath ? `The document names ${result.planPath}, which is not in this workspace` : 'The document does not name its plan',
    });
    if (!picked) return result;
    params.planUri = picked.uri;
    result = await send();
  }
  if (result.status === 'error' || result.status === 'wrong-password') {
    void vscode.window.showErrorMessage(`EHCP: ${result.message}`);
    return result;
  }
  if (result.status !== 'ok') return result;
  const plan = client.protocol2CodeConverter.asUri(result.planUri);
  await vscode.window.showTextDocument(plan, { preview: false });
  const parts = [plural(result.comments, 'comment'), plural(result.changes, 'change')];
  if (result.untied) parts.push(`${result.untied} not tied to an item`);
  if (result.conflicts) parts.push(plural(result.conflicts, 'conflict'));
  if (result.otherChild) {
    void vscode.window.showWarningMessage(`EHCP: ${fileName} is about ${result.otherChild.document}, but this plan is about ${result.otherChild.plan}. Check it is the right plan before accepting anything.`);
  }
  void vscode.window.showInformationMessage(`EHCP: the family's reply has ${parts.join(', ')}. Each is shown on its item: use the light bulb to accept or decline.`);
  return result;
}

/** Asks for the reason (declining) or the answer (a comment), then records the decision. */
async function decide(client: LanguageClient, args: RecordArgs): Promise<{ ok: boolean; message?: string } | undefined> {
  if (!args || typeof args.planUri !== 'string') return undefined;
  let reason = args.reason;
  if (reason === undefined && args.decision !== 'accepted') {
    const item = args.item ? ` to ${args.item}` : '';
    reason = await vscode.window.showInputBox({
      title: args.decision === 'declined' ? `Decline the family's change${item}` : `Answer the family${item ? ` on ${args.item}` : ''}`,
      prompt:
        args.decision === 'declined'
          ? 'Why? A short reason, kept in the reply log beside the plan so you can answer the family point by point.'
          : 'Your answer, kept in the reply log beside the plan.',
      placeHolder: args.decision === 'declined' ? 'For example: the therapist advised 45 minutes; we will review it in July' : 'For example: added to the plan under P2',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? 'Write a few words, so the family knows why.' : undefined),
    });
    if (reason === undefined) return undefined;
  }
  const result = await client.sendRequest(ExecuteCommandRequest.type, { command: RECORD_COMMAND, arguments: [{ ...args, reason }] });
  const r = result as { ok: boolean; message?: string; logFile?: string } | null;
  if (r?.ok) void vscode.window.setStatusBarMessage(`EHCP: recorded in ${path.basename(r.logFile ?? 'the reply log')}`, 5000);
  else void vscode.window.showErrorMessage(`EHCP: ${r?.message ?? 'the decision was not recorded'}`);
  return r ?? undefined;
}

/** "Accept or decline the family's changes to this item": the item-level quick fixes at the cursor, as a list. */
async function decideItem(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'ehcp') {
    void vscode.window.showInformationMessage('EHCP: open a plan and put the cursor on an item the family changed.');
    return;
  }
  const range = new vscode.Range(editor.selection.active, editor.selection.active);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const ours = actions.filter((a) => /family's (change|changes|wording)/.test(a.title));
  if (ours.length === 0) {
    void vscode.window.showInformationMessage("EHCP: the family proposed no changes to this item (import their reply first with \"EHCP: Import the family's reply…\").");
    return;
  }
  const picked = await vscode.window.showQuickPick(
    ours.map((a) => ({ label: a.title, action: a })),
    { title: "The family's changes to this item" },
  );
  if (!picked) return;
  if (picked.action.edit) await vscode.workspace.applyEdit(picked.action.edit);
  if (picked.action.command) await vscode.commands.executeCommand(picked.action.command.command, ...(picked.action.command.arguments ?? []));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
