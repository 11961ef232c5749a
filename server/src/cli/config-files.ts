/**
 * Which `.ehcprc.yaml` applies to each plan: the one given with --config, or the nearest one in
 * the plan's folder or a folder above it (looked up once per folder). A configuration's own
 * problems are findings against the configuration file (rule `config`).
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, parseConfig, type RuleConfig } from '../core/config';
import type { Finding } from '../core/types';
import { InputError, quoteArg } from './args';
import { configKey } from './cache';
import { displayPath } from './files';
import { decodeText, ioReason } from './io';

export interface LoadedConfig {
  /** Position in `ConfigResolver.all`, passed to workers. */
  index: number;
  /** Absolute path of the file; undefined for the built-in defaults. */
  file?: string;
  config: RuleConfig;
  findings: Finding[];
  /** Cache key part: core version + effective configuration. */
  key: string;
}

export class ConfigResolver {
  readonly all: LoadedConfig[] = [];
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly explicit?: LoadedConfig;
  private defaults?: LoadedConfig;

  constructor(
    private readonly cwd: string,
    explicitPath?: string,
  ) {
    if (explicitPath !== undefined) {
      const abs = path.resolve(cwd, explicitPath);
      let isFile = false;
      try {
        isFile = statSync(abs).isFile();
      } catch (error) {
        throw new InputError(`cannot read the configuration ${quoteArg(explicitPath)}: ${ioReason(error)}`);
      }
      if (!isFile) throw new InputError(`the configuration ${quoteArg(explicitPath)} is not a file`);
      this.explicit = this.load(abs);
    }
  }

  /** The configuration for the plan at `abs`. */
  forFile(abs: string): LoadedConfig {
    return this.explicit ?? this.forDir(path.dirname(abs));
  }

  private forDir(dir: string): LoadedConfig {
    const visited: string[] = [];
    let found: LoadedConfig | undefined;
    for (let current = dir; ; ) {
      const known = this.byDir.get(current);
      if (known) {
        found = known;
        break;
      }
      visited.push(current);
      const candidate = path.join(current, CONFIG_FILE);
      if (isFile(candidate)) {
        found = this.load(candidate);
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    found ??= this.defaults ??= this.add({ config: {}, findings: [] });
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  private load(abs: string): LoadedConfig {
    let text: string;
    try {
      text = decodeText(readFileSync(abs));
    } catch (error) {
      throw new InputError(`cannot read the configuration ${quoteArg(displayPath(abs, this.cwd))}: ${ioReason(error)}`);
    }
    const { config, findings } = parseConfig(text);
    return this.add({ file: abs, config, findings });
  }

  private add(c: Omit<LoadedConfig, 'index' | 'key'>): LoadedConfig {
    const loaded: LoadedConfig = { ...c, index: this.all.length, key: configKey(c.config) };
    this.all.push(loaded);
    return loaded;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
