// "Insert paper reference…": a QuickPick fed by the server's paperlsp/searchPapers as the user types.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { searchPapersRequest, type PaperSearchItem, type SearchPapersParams, type SearchPapersResult } from './protocol';
import { referenceText } from './referenceText';

const debounceMs = 150;
const resultLimit = 50;

interface PaperPickItem extends vscode.QuickPickItem {
  readonly paper: PaperSearchItem;
}

export async function insertReference(client: LanguageClient | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('PaperLsp: open a notes file to insert a paper reference.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('PaperLsp: the language server is not running, so papers cannot be searched.');
    return;
  }

  const picked = await pickPaper(client);
  if (!picked) return;
  const text = referenceText(picked);
  await editor.edit(edit => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
}

function pickPaper(client: LanguageClient): Promise<PaperSearchItem | undefined> {
  return new Promise(resolve => {
    const quickPick = vscode.window.createQuickPick<PaperPickItem>();
    quickPick.title = 'Insert paper reference';
    quickPick.placeholder = 'Type part of a title, an author or a citation key';
    quickPick.matchOnDetail = true;
    let pending: vscode.CancellationTokenSource | undefined;
    let timer: NodeJS.Timeout | undefined;
    let accepted: PaperSearchItem | undefined;

    const search = (query: string): void => {
      pending?.cancel();
      const cancellation = new vscode.CancellationTokenSource();
      pending = cancellation;
      quickPick.busy = true;
      const params: SearchPapersParams = { query, limit: resultLimit };
      client.sendRequest<SearchPapersResult>(searchPapersRequest, params, cancellation.token).then(
        result => {
          if (cancellation.token.isCancellationRequested) return;
          // alwaysShow: the server already ranked with its own fuzzy match; the QuickPick must not filter it again.
          quickPick.items = (result?.items ?? []).map(paper => ({ label: paper.title, detail: paper.detail, alwaysShow: true, paper }));
          quickPick.busy = false;
        },
        (error: unknown) => {
          if (cancellation.token.isCancellationRequested) return;
          quickPick.busy = false;
          client.error('paperlsp/searchPapers failed', error, false);
        },
      );
    };

    quickPick.onDidChangeValue(value => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(value), debounceMs);
    });
    quickPick.onDidAccept(() => {
      accepted = quickPick.selectedItems[0]?.paper ?? quickPick.activeItems[0]?.paper;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (timer) clearTimeout(timer);
      pending?.cancel();
      quickPick.dispose();
      resolve(accepted);
    });
    quickPick.show();
    search('');
  });
}
