import * as vscode from 'vscode';
import { countFindings } from './diagnosticCount';

/** Status bar item with the number of findings in open documents; a click opens the Problems view. */
export function createStatusBar(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('secretHygiene.findings', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Secret Hygiene';
  item.command = 'workbench.actions.view.problems';
  let pending: NodeJS.Timeout | undefined;
  const update = () => {
    pending = undefined;
    const count = countFindings();
    item.text = count === 0 ? '$(shield) Secrets: 0' : `$(warning) Secrets: ${count}`;
    item.tooltip =
      count === 0
        ? 'Secret Hygiene: no findings in open files'
        : `Secret Hygiene: ${count} finding${count === 1 ? '' : 's'} in open files. Click to open the Problems view.`;
    item.backgroundColor = count === 0 ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
  };
  update();
  item.show();
  const listener = vscode.languages.onDidChangeDiagnostics(() => {
    pending ??= setTimeout(update, 100);
  });
  return new vscode.Disposable(() => {
    if (pending) clearTimeout(pending);
    listener.dispose();
    item.dispose();
  });
}
