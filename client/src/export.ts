/**
 * "EHCP: Export to Word for the family": the plan in the editor → an accessible .docx. The export
 * itself is the shared pure core (server/src/export), run here in the extension host; encryption
 * runs on a worker thread (dist/export-worker.js). This file only talks to the writer: save dialog,
 * options, a masked password input, progress, "Open" / "Reveal in folder", and a question before
 * exporting a plan with errors or replacing a file.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RuleConfig } from '../../server/src/core/config';
import type { Encrypter } from '../../server/src/export/encrypt-pool';
import { version } from '../../package.json';
import type * as ExportCore from './export-core';

type Core = typeof ExportCore;
let loaded: Core | undefined;
/** The export core (dist/export-host.js), loaded on first use. */
function core(context: vscode.ExtensionContext): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(context.asAbsolutePath(path.join('dist', 'export-host.js'))) as Core;
  return loaded;
}

export const EXPORT_COMMAND = 'ehcp.exportToWord';

/**
 * Options for running the command from code (tests, other extensions, keybindings). When given,
 * no dialog or question is shown: what is not given takes its default (no password, no overwrite,
 * no export of a plan with errors).
 */
export interface ExportCommandOptions {
  /** Where to write the .docx (a path or a file URI). */
  target?: string | vscode.Uri;
  password?: string;
  largePrint?: boolean;
  /** Export even when the plan has error-severity findings. */
  force?: boolean;
  /** Replace an existing file. */
  overwrite?: boolean;
}

export interface ExportCommandResult {
  exported: boolean;
  target?: string;
  /** Why nothing was written, in one line. */
  reason?: string;
  encrypted?: boolean;
  unresolvedIssues?: number;
  /** Terms the plan uses that no glossary explains (listed to the writer before exporting). */
  unexplainedTerms?: string[];
}

export function registerExport(context: vscode.ExtensionContext): void {
  let encrypter: Encrypter | undefined;
  const workerScript = context.asAbsolutePath(path.join('dist', 'export-worker.js'));
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_COMMAND, async (first?: unknown, second?: unknown) => {
      const resource = first instanceof vscode.Uri ? first : undefined;
      const options = isOptions(first) ? first : isOptions(second) ? second : undefined;
      try {
        const c = core(context);
        encrypter ??= new c.Encrypter(workerScript);
        return await exportCommand(c, resource, options, encrypter);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        if (!options) void vscode.window.showErrorMessage(`EHCP: the plan was not exported: ${reason}`);
        return { exported: false, reason } satisfies ExportCommandResult;
      }
    }),
    { dispose: () => void encrypter?.close() },
  );
}

function isOptions(value: unknown): value is ExportCommandOptions {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}

async function exportCommand(c: Core, resource: vscode.Uri | undefined, options: ExportCommandOptions | undefined, encrypter: Encrypter): Promise<ExportCommandResult> {
  const { exportToDocx, passwordProblem, preparePlan } = c;
  const interactive = options === undefined;
  const refuse = (reason: string, show: 'error' | 'warning' = 'error'): ExportCommandResult => {
    if (interactive) void (show === 'error' ? vscode.window.showErrorMessage(`EHCP: ${reason}`) : vscode.window.showWarningMessage(`EHCP: ${reason}`));
    return { exported: false, reason };
  };

  const document = resource
    ? await vscode.workspace.openTextDocument(resource)
    : vscode.window.activeTextEditor?.document.languageId === 'ehcp'
      ? vscode.window.activeTextEditor.document
      : undefined;
  if (!document) return refuse('open a plan (a .ehcp.yaml file) to export it to Word.');

  const settings = vscode.workspace.getConfiguration('ehcp', document.uri);
  const config = await ruleConfigFor(c, document.uri, settings);
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const prepared = preparePlan(document.getText(), relative, config);
  if (!prepared.ok) return refuse(`${path.basename(document.uri.path)} was not exported: ${prepared.reason}.`);

  const errors = prepared.errors.length;
  if (errors > 0 && !options?.force) {
    if (!interactive) return { exported: false, reason: `the plan has ${plural(errors, 'error')}` };
    const choice = await vscode.window.showWarningMessage(
      `This plan has ${plural(errors, 'error')}. A family should get a draft without errors. Export it anyway? Its first page will say that it has unresolved issues.`,
      { modal: true },
      'Export anyway',
      'Show the problems',
    );
    if (choice === 'Show the problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== 'Export anyway') return { exported: false, reason: 'cancelled' };
  }

  if (prepared.unexplainedTerms.length > 0 && interactive) {
    const terms = prepared.unexplainedTerms;
    const choice = await vscode.window.showWarningMessage(
      `The glossary cannot explain ${plural(terms.length, 'term')} this plan uses: ${terms.slice(0, 12).join(', ')}${terms.length > 12 ? ', …' : ''}. A family may not know ${terms.length === 1 ? 'it' : 'them'}: explain ${terms.length === 1 ? 'it' : 'them'} under glossary: in the plan or in .ehcprc.yaml, or export without.`,
      { modal: true },
      'Export without',
    );
    if (choice !== 'Export without') return { exported: false, reason: 'cancelled', unexplainedTerms: terms };
  }

  // Where to.
  const suggested = vscode.Uri.joinPath(document.uri, '..', `${path.basename(document.uri.path).replace(/\.ehcp\.ya?ml$/i, '').replace(/\.ya?ml$/i, '')}.docx`);
  let target: vscode.Uri | undefined;
  let confirmedByDialog = false;
  if (options?.target !== undefined) target = typeof options.target === 'string' ? vscode.Uri.file(options.target) : options.target;
  else if (interactive) {
    target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { 'Word document': ['docx'] }, saveLabel: 'Export', title: 'Export to Word for the family' });
    confirmedByDialog = true; // the save dialog asks before replacing a file
  } else target = suggested;
  if (!target) return { exported: false, reason: 'cancelled' };
  if (!/\.docx$/i.test(target.path)) target = target.with({ path: `${target.path}.docx` });

  const existed = await exists(target);
  if (existed) {
    const allowed = options?.overwrite ?? (confirmedByDialog ? true : undefined);
    if (allowed === false || (allowed === undefined && !interactive)) return { exported: false, reason: `${path.basename(target.path)} already exists` };
    if (allowed === undefined) {
      const choice = await vscode.window.showWarningMessage(`${path.basename(target.path)} already exists. Replace it?`, { modal: true }, 'Replace');
      if (choice !== 'Replace') return { exported: false, reason: 'cancelled' };
    }
  }

  // How.
  let largePrint = options?.largePrint ?? settings.get<boolean>('export.largePrint', false);
  let password = options?.password;
  if (password !== undefined) {
    const problem = passwordProblem(password);
    if (problem) return refuse(`the document was not exported: ${problem}.`);
  }
  if (interactive) {
    const picks = await vscode.window.showQuickPick(
      [
        { label: 'Large print', description: '18 pt text', picked: largePrint, id: 'large' },
        { label: 'Protect with a password', description: 'Office encryption (AES-256)', id: 'password' },
      ],
      { canPickMany: true, title: 'Export to Word: options (press Enter for neither)', ignoreFocusOut: true },
    );
    if (!picks) return { exported: false, reason: 'cancelled' };
    largePrint = picks.some((p) => p.id === 'large');
    if (picks.some((p) => p.id === 'password')) {
      password = await askPassword(passwordProblem);
      if (password === undefined) return { exported: false, reason: 'cancelled' };
    }
  }

  const name = path.basename(target.path);
  const bytes = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `EHCP: exporting to ${name}`, cancellable: false },
    async (progress) => {
      progress.report({ message: 'building the document…' });
      let out = await exportToDocx(prepared.source, {
        largePrint,
        trackChanges: settings.get<boolean>('export.trackChanges', true),
        unresolvedIssues: errors,
        glossary: prepared.glossary,
        productVersion: version,
        extraVaguePhrases: config.extraVaguePhrases,
      });
      if (password !== undefined) {
        progress.report({ message: 'protecting it with the password…' });
        out = await encrypter.encrypt(out, password);
      }
      progress.report({ message: 'saving…' });
      // Replacing was agreed above (or the file did not exist, and a file that appears meanwhile is kept).
      await write(c, target!, out, existed);
      return out;
    },
  );

  const result: ExportCommandResult = { exported: true, target: target.scheme === 'file' ? target.fsPath : target.toString(), encrypted: password !== undefined, unresolvedIssues: errors, unexplainedTerms: prepared.unexplainedTerms };
  if (interactive) {
    const reminder = password !== undefined ? ' Send the password to the family separately, for example by phone.' : '';
    void vscode.window.showInformationMessage(`EHCP: exported to ${name} (${Math.max(1, Math.round(bytes.length / 1024))} KB).${reminder}`, 'Open', 'Reveal in folder').then((choice) => {
      if (choice === 'Open') void vscode.env.openExternal(target!);
      if (choice === 'Reveal in folder') void vscode.commands.executeCommand('revealFileInOS', target);
    });
  }
  return result;
}

async function askPassword(passwordProblem: Core['passwordProblem']): Promise<string | undefined> {
  const first = await vscode.window.showInputBox({
    title: 'Password for the Word document',
    prompt: 'The family will need it to open the document. Send it separately from the document, for example by phone, never in the same email. It is not stored.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' ? undefined : passwordProblem(value)),
  });
  if (!first) return undefined;
  const again = await vscode.window.showInputBox({ title: 'Type the password again', password: true, ignoreFocusOut: true });
  if (again === undefined) return undefined;
  if (again !== first) {
    void vscode.window.showErrorMessage('EHCP: the two passwords are different; nothing was exported. Try again.');
    return undefined;
  }
  return first;
}

/** Atomic on the local file system (temporary file + rename); through VS Code's file system elsewhere. */
async function write(c: Core, target: vscode.Uri, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  if (target.scheme === 'file') {
    c.writeFileAtomic(target.fsPath, bytes, { overwrite });
    return;
  }
  await vscode.workspace.fs.writeFile(target, bytes);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The nearest .ehcprc.yaml above the plan (within the workspace), with the editor's settings on top. */
async function ruleConfigFor(c: Core, uri: vscode.Uri, settings: vscode.WorkspaceConfiguration): Promise<RuleConfig> {
  const { CONFIG_FILE, parseConfig } = c;
  let config: RuleConfig = {};
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.path;
  let dir = vscode.Uri.joinPath(uri, '..');
  for (;;) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, CONFIG_FILE));
      config = parseConfig(new TextDecoder('utf-8').decode(bytes)).config;
      break;
    } catch {
      // None here: look further up, but not above the workspace folder.
    }
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path || dir.path === root || (root !== undefined && !parent.path.startsWith(root))) break;
    dir = parent;
  }
  const rules = { ...(config.rules ?? {}), ...(settings.get<NonNullable<RuleConfig['rules']>>('rules') ?? {}) };
  const extra = [...(config.extraVaguePhrases ?? []), ...(settings.get<string[]>('extraVaguePhrases') ?? [])];
  return { ...config, rules, extraVaguePhrases: extra };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
