/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help text and a link to its doc, and
 * one result per finding with a 1-based region (SARIF columns count UTF-16 code units, as ours do).
 */
import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/types';
import { allRules, ruleHelpUri } from './rule-list';
import { noteLevel, type RunReport } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function formatSarif(report: RunReport, toolVersion: string): string {
  const rules = allRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const descriptors = rules.map((r) => {
    const helpUri = ruleHelpUri(r.id);
    return {
      id: r.id,
      name: pascalCase(r.id),
      shortDescription: { text: r.description },
      fullDescription: { text: r.description },
      help: {
        text: `${r.description} See ${helpUri} for why, and for a bad and a good example.`,
        markdown: `${r.description}\n\nSee [the ${r.id} rule](${helpUri}) for why, and for a bad and a good example.`,
      },
      helpUri,
      defaultConfiguration: { level: level(r.severity) },
      properties: { tags: ['ehcp'] },
    };
  });

  const results = [];
  for (const file of report.files) {
    const uri = relativeUri(file.file);
    for (const f of file.findings) {
      const index = ruleIndex.get(f.rule);
      results.push({
        ruleId: f.rule,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: level(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }

  let base = pathToFileURL(report.cwd).href;
  if (!base.endsWith('/')) base += '/';
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ehcp',
            fullName: 'EHCP Plan Writer checker',
            informationUri: 'https://github.com/ehcp-plan-writer/ehcp-plan-writer',
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return noteLevel(severity);
}

/** A display path (forward slashes, relative) as a relative URI reference: each segment escaped. */
function relativeUri(display: string): string {
  return display
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}
