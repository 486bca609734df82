/** The language Fengong speaks for a resource: the fengong.language setting, else VS Code's display language. */
import * as vscode from 'vscode';
import { resolveLocale, type Locale } from '../../server/src/messages';

export function planLocale(uri?: vscode.Uri): Locale {
  const setting = vscode.workspace.getConfiguration('fengong', uri).get<string>('language', 'auto');
  return resolveLocale(setting === 'auto' ? vscode.env.language : setting);
}
