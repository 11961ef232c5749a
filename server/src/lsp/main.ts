/**
 * `ehcp-language-server --stdio` (or --node-ipc, --socket=N, --pipe=NAME): the EHCP language
 * server for any LSP client. No network, no telemetry; plan text is never logged.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CORE_VERSION } from '../core/version';
import { startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${CORE_VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  const out = args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr;
  out.write(
    'Usage: ehcp-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n' +
      'The EHCP Plan Writer language server: checks *.ehcp.yaml plans as you type.\n',
  );
  process.exit(out === process.stdout ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
// A bug must not take the writer's editor down: log it (without plan text) and carry on.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${String(reason)}`));
startServer(connection);
