/**
 * The json format, a public and stable interface (docs/output-formats.md): exactly one array of
 * `{ file, rule, severity, message, range }` with 0-based LSP-style positions. One finding per
 * line keeps large outputs small and still greppable.
 */
import type { RunReport } from './report';

export function formatJson(report: RunReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      lines.push(
        JSON.stringify({
          file: file.file,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          range: {
            start: { line: f.range.start.line, character: f.range.start.character },
            end: { line: f.range.end.line, character: f.range.end.character },
          },
        }),
      );
    }
  }
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}
