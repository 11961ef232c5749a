import type { Hover } from 'vscode-languageserver/node';
import { getHover } from '../../core/hover';
import type { ServerContext } from '../context';
import { adviceHover } from './advice';
import { markdown } from './convert';

/** textDocument/hover: references, provision readings, findings' rules, field meanings. */
export function registerHover(context: ServerContext): void {
  context.connection.onHover((params): Hover | null => {
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    const advice = adviceHover(context, uri, params.position);
    if (advice) return advice;
    const hover = getHover(parsed, params.position, context.getFindings(uri), { config: context.getConfig(uri), ruleDocUri: (id) => context.ruleDocUri(id) });
    return hover ? { contents: markdown(hover.contents), range: hover.range } : null;
  });
}
