/** Starting the Tradecraft language server and the client that talks to it. */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol.js';
import { CONFIGURATION_SECTION } from './constants.js';
import { MAX_RESTARTS, RestartPolicy } from './serverRestart.js';

/** The client id: VS Code reads the `tradecraft.trace.server` setting through it. */
const CLIENT_ID = 'tradecraft';
const CLIENT_NAME = 'Tradecraft';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };

  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/tradecraft.schema.{yaml,yml,json}'),
    vscode.workspace.createFileSystemWatcher('**/*.md'),
  ];
  context.subscriptions.push(...watchers);

  // Read at every (re)start, so a restart after trust is granted tells the server.
  const initializationOptions = (): InitializationOptions => ({
    // A plain copy: the configuration object carries methods that do not cross the process boundary.
    settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(CONFIGURATION_SECTION))) as unknown,
    trusted: vscode.workspace.isTrusted,
    // The extension opens rule pages itself (Open Rule Docs), so the server declares no command.
    clientOpensRuleDocs: true,
  });

  const clientOptions: LanguageClientOptions = {
    // Every Markdown file goes to the server, which decides which ones are assessments (by name,
    // front matter and the `tradecraft.files` globs). Schema files go too, so their own problems
    // show while they are edited.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/tradecraft.schema.{yaml,yml,json}' },
    ],
    synchronize: { configurationSection: CONFIGURATION_SECTION, fileEvents: watchers },
    initializationOptions,
    // Pulled diagnostics follow typing and saving; the server applies `tradecraft.validate.run`.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel,
    errorHandler: restartingErrorHandler(outputChannel),
  };

  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/**
 * vscode-languageclient's default handler shuts the client down after three failed writes, which
 * a server that has just died causes before its exit is noticed: the editor was then left without
 * a server. Here a failed write is let pass (the connection's close follows it), and a closed
 * connection starts the server again, as `RestartPolicy` allows.
 */
function restartingErrorHandler(outputChannel: vscode.LogOutputChannel): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    error(error) {
      outputChannel.warn(`Language server connection: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed() {
      if (policy.closed(Date.now()) === 'restart') {
        outputChannel.warn('The language server stopped; starting it again.');
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: `The Tradecraft language server stopped ${MAX_RESTARTS + 1} times in three minutes and will not be started again. The output channel “Tradecraft” has the details; “Tradecraft: Restart Language Server” starts it.`,
      };
    },
  };
}
