import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-protocol';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
