// The PaperLsp client: starts `paperlsp serve --stdio` and wires its custom messages to the UI.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  ResponseError,
  type LSPAny,
  type ConfigurationParams,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { insertReference } from './insertReference';
import { nodeDiscoveryHost } from './nodeDiscoveryHost';
import { collectionStatusNotification, type CollectionStatusParams } from './protocol';
import { discoverServer } from './serverDiscovery';
import { configurationFor, needsRestart, serverPathSetting, serverSettings } from './settings';
import { CollectionStatusBar } from './statusBar';

const languageId = 'papernotes';
const configurationSection = 'paperlsp';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusBar: CollectionStatusBar;
let extensionPath: string;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('PaperLsp');
  statusBar = new CollectionStatusBar('paperlsp.showOutput');
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('paperlsp.restartServer', restartServer),
    vscode.commands.registerCommand('paperlsp.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('paperlsp.insertReference', () => insertReference(client)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await startServer();
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

async function startServer(): Promise<void> {
  statusBar.starting();
  const settings = vscode.workspace.getConfiguration(configurationSection);
  const discovery = discoverServer(serverPathSetting(settings), nodeDiscoveryHost(extensionPath));
  if (discovery.kind === 'missing') {
    reportFailure(discovery.message, discovery.link);
    return;
  }
  output.appendLine(`Starting ${discovery.description}: ${discovery.command} ${discovery.args.join(' ')}`);

  // No `transport`: the client would append its own `--stdio`; the arguments already say `serve --stdio`.
  const serverOptions: ServerOptions = { command: discovery.command, args: [...discovery.args] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: languageId },
      { scheme: 'untitled', language: languageId },
    ],
    outputChannel: output,
    initializationOptions: serverSettings(settings),
    synchronize: {
      // Collections the server found through paperlsp.json or globs are watched by the server's own
      // registration; these cover the defaults so a new .bib is noticed even before that.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{paperlsp.json,*.bib,*.ris,*.csl.json}'),
    },
    middleware: {
      workspace: {
        // The server asks for section "paperlsp" and gets the initializationOptions shape, not the raw settings tree.
        configuration: async (params: ConfigurationParams, token, next) => {
          const defaults = await next(params, token);
          if (defaults instanceof ResponseError) return defaults;
          // LSPAny is `any` in the protocol types; the values are plain JSON either way.
          // eslint-disable-next-line @typescript-eslint/no-unsafe-return
          return params.items.map((item, index): LSPAny => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return configurationFor(item.section, vscode.workspace.getConfiguration(configurationSection, scope)) ?? defaults[index];
          });
        },
      },
    },
  };

  const started = new LanguageClient('paperlsp', 'PaperLsp', serverOptions, clientOptions);
  started.onNotification(collectionStatusNotification, (status: CollectionStatusParams) => statusBar.update(status));
  client = started;
  try {
    await started.start();
  } catch (error) {
    client = undefined;
    reportFailure(`PaperLsp: the language server could not be started (${errorText(error)}). See the PaperLsp output for details.`);
  }
}

async function stopServer(): Promise<void> {
  const running = client;
  client = undefined;
  if (!running) return;
  try {
    await running.stop(2000);
  } catch (error) {
    output.appendLine(`Stopping the server failed: ${errorText(error)}`);
  }
  await running.dispose().catch(() => undefined);
}

async function restartServer(): Promise<void> {
  output.appendLine('Restarting the server.');
  await stopServer();
  statusBar.stopped();
  await startServer();
}

function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
  if (!event.affectsConfiguration(configurationSection)) return;
  if (needsRestart(section => event.affectsConfiguration(section))) {
    void restartServer();
    return;
  }
  if (client?.isRunning()) {
    // Same shape as initializationOptions; the server may also pull it with workspace/configuration.
    const settings = { [configurationSection]: serverSettings(vscode.workspace.getConfiguration(configurationSection)) };
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }
}

function reportFailure(message: string, link?: { label: string; url: string }): void {
  output.appendLine(message);
  statusBar.failed(message);
  const actions = link ? [link.label, 'Show Output'] : ['Show Output'];
  void vscode.window.showErrorMessage(message, ...actions).then(choice => {
    if (link && choice === link.label) void vscode.env.openExternal(vscode.Uri.parse(link.url));
    else if (choice === 'Show Output') output.show(true);
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
