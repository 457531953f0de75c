// The status bar item: collection status from the server, or why there is no server.
import * as vscode from 'vscode';
import type { CollectionStatusParams } from './protocol';
import { presentStatus } from './statusText';

export class CollectionStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('paperlsp.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'PaperLsp';
    this.item.command = showOutputCommand;
  }

  starting(): void {
    this.set('$(sync~spin) PaperLsp', 'PaperLsp: starting the language server', undefined);
  }

  update(status: CollectionStatusParams): void {
    const shown = presentStatus(status);
    const background = shown.isError ? 'statusBarItem.errorBackground' : shown.isWarning ? 'statusBarItem.warningBackground' : undefined;
    this.set(shown.text, shown.tooltip, background);
  }

  failed(message: string): void {
    this.set('$(error) PaperLsp', `${message}\nClick to show the output.`, 'statusBarItem.errorBackground');
  }

  stopped(): void {
    this.set('$(circle-slash) PaperLsp', 'PaperLsp: the language server is not running. Click to show the output.', undefined);
  }

  dispose(): void {
    this.item.dispose();
  }

  private set(text: string, tooltip: string, background: string | undefined): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    this.item.show();
  }
}
