/**
 * The server's view of the caseload: open documents and plans on disk, each parsed and checked
 * once per version (open) or per size + mtime (disk), with the nearest `.ehcprc.yaml` applied.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPlan } from '../core/check';
import { CONFIG_FILE, parseConfig, type RuleConfig } from '../core/config';
import { IncrementalParser } from '../core/incremental';
import { MAX_PLAN_BYTES, parsePlan, type ParsedPlan } from '../core/parse';
import type { AdviceLookup } from '../core/rule';
import type { Finding } from '../core/types';
import type { ServerSettings } from './context';

export const PLAN_FILE = /\.ehcp\.ya?ml$/i;

interface Entry {
  /** Document version (open) or `size:mtime` (disk). */
  stamp: string;
  parsed: ParsedPlan;
  findings?: Finding[];
  configKey: string;
}

export class Plans {
  private readonly open = new Map<string, Entry>();
  private readonly disk = new Map<string, Entry>();
  /** One incremental parser per open document: a keystroke re-parses only the item it changed. */
  private readonly parsers = new Map<string, IncrementalParser>();
  /** Workspace plan URIs found on disk. */
  readonly onDisk = new Set<string>();
  private readonly configs = new Map<string, { config: RuleConfig; key: string } | null>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: () => ServerSettings,
    /** The advice reports a plan names, as cached now, and a key that changes when one is read again. */
    private readonly advice?: { lookupFor(uri: string): AdviceLookup; keyFor(uri: string, parsed: ParsedPlan): string },
  ) {}

  /** The parsed plan for a URI, from the open document if there is one, else from disk. */
  getParsed(uri: string): ParsedPlan | undefined {
    return this.entry(uri)?.parsed;
  }

  getFindings(uri: string): Finding[] {
    const entry = this.entry(uri);
    if (!entry) return [];
    const { config, key: configKey } = this.getConfigWithKey(uri);
    const key = this.advice ? `${configKey}|${this.advice.keyFor(uri, entry.parsed)}` : configKey;
    if (!entry.findings || entry.configKey !== key) {
      entry.findings = checkPlan(entry.parsed, { config, ...(this.advice ? { advice: this.advice.lookupFor(uri) } : {}) });
      // The lookup may have started reads: key the findings by what was cached when they were made.
      entry.configKey = this.advice ? `${configKey}|${this.advice.keyFor(uri, entry.parsed)}` : key;
    }
    return entry.findings;
  }

  getConfig(uri: string): RuleConfig {
    return this.getConfigWithKey(uri).config;
  }

  /** The nearest `.ehcprc.yaml` (walking up from the plan), then the editor settings on top. */
  private getConfigWithKey(uri: string): { config: RuleConfig; key: string } {
    const file = this.fileConfig(uri);
    const s = this.settings();
    const config: RuleConfig = {
      rules: { ...file?.config.rules, ...s.rules },
      extraVaguePhrases: [...(file?.config.extraVaguePhrases ?? []), ...s.extraVaguePhrases],
    };
    return { config, key: `${file?.key ?? ''}|${JSON.stringify(s.rules)}|${s.extraVaguePhrases.join('\u0000')}` };
  }

  private fileConfig(uri: string): { config: RuleConfig; key: string } | null {
    const path = toPath(uri);
    if (!path) return null;
    for (let dir = dirname(path), i = 0; i < 32; i++) {
      let found = this.configs.get(dir);
      if (found === undefined) {
        try {
          const text = readFileSync(join(dir, CONFIG_FILE), 'utf8');
          found = { config: parseConfig(text).config, key: `${dir}:${text.length}:${hash(text)}` };
        } catch {
          found = null;
        }
        this.configs.set(dir, found);
      }
      if (found) return found;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return null;
  }

  /** Forget cached configuration files (one changed on disk). */
  clearConfigs(): void {
    this.configs.clear();
  }

  /** Forget the disk copy of a plan (it changed or was deleted). */
  invalidate(uri: string): void {
    this.disk.delete(uri);
  }

  closed(uri: string): void {
    this.open.delete(uri);
    this.parsers.delete(uri);
  }

  /** Every known plan: open ones and those on disk. */
  *all(): Iterable<{ uri: string; parsed: ParsedPlan }> {
    const seen = new Set<string>();
    for (const doc of this.documents.all()) {
      const parsed = this.getParsed(doc.uri);
      if (parsed && PLAN_FILE.test(doc.uri)) {
        seen.add(doc.uri);
        yield { uri: doc.uri, parsed };
      }
    }
    for (const uri of this.onDisk) {
      if (seen.has(uri)) continue;
      const parsed = this.getParsed(uri);
      if (parsed) yield { uri, parsed };
    }
  }

  stats(): { open: number; onDisk: number; cached: number } {
    return { open: this.open.size, onDisk: this.onDisk.size, cached: this.disk.size };
  }

  private entry(uri: string): Entry | undefined {
    const doc = this.documents.get(uri);
    if (doc) {
      const stamp = String(doc.version);
      let entry = this.open.get(uri);
      if (!entry || entry.stamp !== stamp) {
        let parser = this.parsers.get(uri);
        if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
        entry = { stamp, parsed: parser.parse(doc.getText()), configKey: '' };
        this.open.set(uri, entry);
      }
      return entry;
    }
    const path = toPath(uri);
    if (!path) return undefined;
    try {
      const st = statSync(path);
      const stamp = `${st.size}:${st.mtimeMs}`;
      let entry = this.disk.get(uri);
      if (!entry || entry.stamp !== stamp) {
        const text = st.size > MAX_PLAN_BYTES * 4 ? 'x'.repeat(MAX_PLAN_BYTES + 1) : readFileSync(path, 'utf8');
        entry = { stamp, parsed: parsePlan(text), configKey: '' };
        this.disk.set(uri, entry);
      }
      return entry;
    } catch {
      this.disk.delete(uri);
      return undefined;
    }
  }
}

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function toUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** Plan files under a folder, skipping node_modules and dot-folders. Bounded in depth and count. */
export function findPlanFiles(root: string, limit = 20_000): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 12 || out.length >= limit) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, depth + 1);
      else if (e.isFile() && PLAN_FILE.test(e.name)) out.push(path);
    }
  };
  walk(root, 0);
  return out.sort();
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
