/**
 * Talks JSON-RPC to the BUILT language server (dist/server.js --stdio), as an editor would.
 *
 *   const lsp = await startServer({ workspace: dir });
 *   const uri = lsp.open('/abs/plan.ehcp.yaml', text);          // version 1
 *   const diags = await lsp.diagnostics(uri, 1);                  // waits for that version
 *   await lsp.change(uri, newText);                               // version 2, full text
 *   const items = await lsp.request('textDocument/completion', { textDocument: { uri }, position });
 *   await lsp.stop();
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { LineIndex } from '../../server/src/core/positions';

export const SERVER = join(__dirname, '../../dist/server.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}

export interface Lsp {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics received, in order. */
  published: Published[];
  open(path: string, text: string, languageId?: string): string;
  change(uri: string, text: string): number;
  close(uri: string): void;
  /** The first publishDiagnostics for `uri` (with `version` when given) not yet consumed; waits up to `timeout`. */
  diagnostics(uri: string, version?: number, timeout?: number): Promise<Diagnostic[]>;
  /** Waits until `predicate` holds for the latest diagnostics of `uri`. */
  waitFor(uri: string, predicate: (d: Diagnostic[]) => boolean, timeout?: number): Promise<Diagnostic[]>;
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  /** Every window/logMessage text and everything the server wrote to stderr, in order. */
  logs: string[];
  /** Settings returned to workspace/configuration requests (section "ehcp"). */
  settings: Record<string, unknown>;
  stop(): Promise<void>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

export async function startServer(options: { workspace?: string; settings?: Record<string, unknown> } = {}): Promise<Lsp> {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  child.stdin.on('error', () => undefined); // the server may exit first when the test stops it
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Published[] = [];
  const waiters: (() => void)[] = [];
  const versions = new Map<string, number>();
  const consumed = new Set<Published>();
  const logs: string[] = [];
  const lsp = { settings: options.settings ?? {}, logs } as Lsp;
  child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));

  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => lsp.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onError(() => undefined); // the server going away at the end of a test is not a failure
  connection.listen();

  const next = (timeout: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeout);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.workspace ? fileUri(options.workspace) : null,
    workspaceFolders: options.workspace ? [{ uri: fileUri(options.workspace), name: 'caseload' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        rename: { prepareSupport: true },
        inlayHint: {},
      },
      window: { workDoneProgress: true },
    },
  });
  connection.sendNotification('initialized', {});

  Object.assign(lsp, {
    connection,
    process: child,
    published,
    open(path: string, text: string, languageId = 'ehcp') {
      const uri = path.includes('://') ? path : fileUri(path);
      versions.set(uri, 1);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    change(uri: string, text: string) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return version;
    },
    close(uri: string) {
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async diagnostics(uri: string, version?: number, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const found = published.find((p) => p.uri === uri && !consumed.has(p) && (version === undefined || p.version === version));
        if (found) {
          consumed.add(found);
          return found.diagnostics;
        }
        await next(Math.max(1, deadline - Date.now()));
      }
    },
    async waitFor(uri: string, predicate: (d: Diagnostic[]) => boolean, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const latest = [...published].reverse().find((p) => p.uri === uri);
        if (latest && predicate(latest.diagnostics)) return latest.diagnostics;
        await next(Math.max(1, deadline - Date.now()));
      }
    },
    request: <T>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<T>,
    notify: (method: string, params: unknown) => connection.sendNotification(method, params),
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        const exited = new Promise((r) => {
          child.once('exit', r);
          setTimeout(r, 2000);
        });
        await connection.sendNotification('exit').catch(() => undefined);
        await exited;
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
    },
  });
  return lsp;
}

export { applyEdits } from '../util/edits';

/** Splits `text` with one `|` cursor marker into the text without it and the cursor's position. */
export function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { text, position: new LineIndex(text).positionAt(at) };
}
