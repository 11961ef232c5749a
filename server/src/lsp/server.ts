/**
 * The language server's wiring: documents, settings, diagnostics and the caseload. Features are
 * registered from ./features; every answer comes from the pure core.
 */
import { resolve } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../core/config';
import { ruleDocPath } from '../core/rules/index';
import { CORE_VERSION } from '../core/version';
import { describeError } from '../host/quiet';
import type { ServerContext, ServerSettings } from './context';
import { toDiagnostic } from './features/convert';
import { capabilities as featureCapabilities, executeFeatureCommand, featureCommands, registerFeatures } from './features/index';
import { ADVICE_GLOB, AdviceService } from './advice-service';
import { findPlanFiles, PLAN_FILE, Plans, toPath, toUri } from './plans';
import { executeReplyCommand, registerReply, replyCommands, ReplyStore } from './features/reply';
import { registerReview, reviewCapabilities } from './review';

interface ScanResult {
  plans: number;
  errors: number;
  warnings: number;
}

const DEFAULT_SETTINGS: ServerSettings = {
  rules: {},
  extraVaguePhrases: [],
  inlayHints: { enabled: true },
  workspaceDiagnostics: { enabled: true },
};

/**
 * Checking waits this long after a keystroke when the writer is typing fast (a change arrived
 * within BURST_MS of the last check), so a burst is checked once; after a pause it starts at once.
 */
const DEBOUNCE_MS = 25;
const BURST_MS = 60;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let client: ClientCapabilities = {};
  let roots: string[] = [];
  // A report read (or read again) re-checks the plans that name it; checking never waits for a read.
  const advice = new AdviceService((path) => recheckUsing([path]));
  const plans = new Plans(documents, () => settings, advice);
  const docsRoot = resolve(__dirname, '..', 'docs', 'rules');
  const timers = new Map<string, NodeJS.Timeout>();
  /** Workspace plans published with diagnostics, so they can be cleared when they go away. */
  const published = new Set<string>();
  /** The family's replies imported this session: their notes are added to the plan's findings. */
  const replies = new ReplyStore();
  const findingsOf = (uri: string) => {
    const findings = plans.getFindings(uri);
    const notes = replies.findings(uri, plans.getParsed(uri));
    return notes.length > 0 ? [...findings, ...notes] : findings;
  };

  const context: ServerContext = {
    connection,
    documents,
    getParsed: (uri) => plans.getParsed(uri),
    getFindings: (uri) => findingsOf(uri),
    getConfig: (uri) => plans.getConfig(uri),
    settings: () => settings,
    workspacePlans: () => plans.all(),
    ruleDocUri: (id) => toUri(resolve(docsRoot, '..', '..', ruleDocPath(id))),
    clientCapabilities: () => client,
    advice,
  };

  function recheckUsing(paths: readonly string[]): void {
    const wanted = new Set(paths);
    for (const { uri, parsed } of plans.all()) {
      if (!parsed.plan.advice.some((a) => wanted.has(advice.pathOf(uri, a) ?? ''))) continue;
      if (documents.get(uri) || (settings.workspaceDiagnostics.enabled && plans.onDisk.has(uri))) schedule(uri, 0);
    }
    if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  const publish = (uri: string) => {
    const doc = documents.get(uri);
    try {
      const findings = findingsOf(uri);
      // A newer version may have arrived while this one was checked: never publish stale results.
      if (doc && documents.get(uri)?.version !== doc.version) return;
      void connection.sendDiagnostics({ uri, version: doc?.version, diagnostics: findings.map((f) => toDiagnostic(context, f)) });
      published.add(uri);
    } catch (error) {
      connection.console.error(`Checking a plan failed: ${describeError(error)}`);
    }
  };

  const lastCheck = new Map<string, number>();
  const schedule = (uri: string, delay?: number) => {
    const pending = timers.has(uri);
    clearTimeout(timers.get(uri));
    const now = Date.now();
    delay ??= pending || now - (lastCheck.get(uri) ?? 0) < BURST_MS ? DEBOUNCE_MS : 0;
    lastCheck.set(uri, now);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri);
      }, delay),
    );
  };

  const isPlan = (uri: string) => PLAN_FILE.test(uri) || documents.get(uri)?.languageId === 'ehcp';

  documents.onDidOpen(({ document }) => isPlan(document.uri) && schedule(document.uri, 0));
  documents.onDidChangeContent(({ document }) => isPlan(document.uri) && schedule(document.uri));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    plans.closed(document.uri);
    if (settings.workspaceDiagnostics.enabled && plans.onDisk.has(document.uri)) publish(document.uri);
    else {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      published.delete(document.uri);
    }
  });

  /**
   * Checks every plan in the workspace folders, yielding between files so typing stays responsive.
   * A newer scan supersedes a running one; the superseded call answers with the newer one's result.
   */
  let scan = 0;
  let latestScan: Promise<ScanResult> | undefined;
  const checkWorkspace = (): Promise<ScanResult> => {
    const mine = ++scan;
    const run = scanWorkspace(mine);
    latestScan = run.then((result) => result ?? latestScan!);
    return latestScan;
  };
  const scanWorkspace = async (mine: number): Promise<ScanResult | undefined> => {
    plans.onDisk.clear();
    for (const root of roots) for (const file of findPlanFiles(root)) plans.onDisk.add(toUri(file));
    const uris = settings.workspaceDiagnostics.enabled ? [...plans.onDisk] : documents.all().map((d) => d.uri).filter(isPlan);
    for (const uri of [...published]) {
      if (!uris.includes(uri) && !documents.get(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        published.delete(uri);
      }
    }
    const progress = uris.length > 20 && client.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Checking plans', 0, `0 of ${uris.length}`, false);
    let errors = 0;
    let warnings = 0;
    for (const [i, uri] of uris.entries()) {
      if (mine !== scan) {
        progress?.done();
        return undefined; // a newer scan started
      }
      publish(uri);
      for (const f of plans.getFindings(uri)) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
      }
      if (i % 10 === 9) {
        progress?.report(Math.round(((i + 1) / uris.length) * 100), `${i + 1} of ${uris.length}`);
        await new Promise((r) => setImmediate(r));
      }
    }
    for (const doc of documents.all()) if (isPlan(doc.uri) && !plans.onDisk.has(doc.uri)) publish(doc.uri);
    progress?.done();
    return { plans: uris.length, errors, warnings };
  };

  const readSettings = async () => {
    if (!client.workspace?.configuration) return;
    try {
      const raw = ((await connection.workspace.getConfiguration('ehcp')) ?? {}) as Partial<ServerSettings>;
      settings = {
        rules: raw.rules && typeof raw.rules === 'object' ? raw.rules : {},
        extraVaguePhrases: Array.isArray(raw.extraVaguePhrases) ? raw.extraVaguePhrases.filter((p) => typeof p === 'string') : [],
        inlayHints: { enabled: raw.inlayHints?.enabled !== false },
        workspaceDiagnostics: { enabled: raw.workspaceDiagnostics?.enabled !== false },
      };
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  };

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    roots = (params.workspaceFolders ?? []).map((f) => toPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) roots = [toPath(params.rootUri)].filter((p): p is string => !!p);
    const init = params.initializationOptions as { settings?: Partial<ServerSettings> } | undefined;
    if (init?.settings) settings = { ...DEFAULT_SETTINGS, ...init.settings };
    return {
      capabilities: {
        ...featureCapabilities,
        ...reviewCapabilities,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        executeCommandProvider: { commands: [...featureCommands, ...replyCommands] },
      },
      serverInfo: { name: 'ehcp-language-server', version: CORE_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ehcp' });
    }
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{ehcp.yaml,ehcp.yml}' }, { globPattern: `**/${CONFIG_FILE}` }, { globPattern: ADVICE_GLOB }],
      });
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => toPath(f.uri)));
        roots = [...roots.filter((r) => !removed.has(r)), ...e.added.map((f) => toPath(f.uri)).filter((p): p is string => !!p)];
        void checkWorkspace();
      });
    }
    await readSettings();
    void checkWorkspace();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { ehcp?: Partial<ServerSettings> } | undefined)?.ehcp;
    if (client.workspace?.configuration) await readSettings();
    else if (pushed) settings = { ...DEFAULT_SETTINGS, ...pushed };
    void checkWorkspace();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const reports = advice.filesChanged(changes);
    if (reports.length > 0) recheckUsing(reports);
    let configChanged = false;
    for (const change of changes) {
      if (change.uri.endsWith(CONFIG_FILE)) configChanged = true;
      plans.invalidate(change.uri);
      if (!PLAN_FILE.test(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        plans.onDisk.delete(change.uri);
        if (!documents.get(change.uri)) {
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
          published.delete(change.uri);
        }
      } else {
        const path = toPath(change.uri);
        if (path && roots.some((r) => path.startsWith(r))) plans.onDisk.add(change.uri);
        if (!documents.get(change.uri) && settings.workspaceDiagnostics.enabled) publish(change.uri);
      }
    }
    if (configChanged) {
      plans.clearConfigs();
      void checkWorkspace();
    }
  });

  connection.onRequest('ehcp/checkWorkspace', () => checkWorkspace());
  connection.onRequest('ehcp/stats', () => ({ ...plans.stats(), rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }));

  registerFeatures(context, { executeCommand: false });
  const refresh = (uri: string) => schedule(uri, 0);
  registerReply(context, replies, refresh);
  registerReview(context);
  connection.onExecuteCommand((params) => executeReplyCommand(context, replies, refresh, params.command, params.arguments) ?? executeFeatureCommand(context, params.command, params.arguments));

  documents.listen(connection);
  connection.listen();
}
