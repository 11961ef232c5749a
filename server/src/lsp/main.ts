/**
 * `ehcp-language-server --stdio` (or --node-ipc, --socket=N, --pipe=NAME): the EHCP language
 * server for any LSP client. No network, no telemetry; plan text is never logged.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CORE_VERSION } from '../core/version';
import { describeError, silenceLibraryWarnings } from '../host/quiet';
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
// Messages are never logged: they may quote the plan. Library warnings go to the log without their text.
silenceLibraryWarnings((line) => connection.console.warn(line));
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${describeError(reason)}`));
startServer(connection);
