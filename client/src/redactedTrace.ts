import type * as vscode from 'vscode';

/**
 * A LogOutputChannel for protocol traces that keeps each message's first line (direction, method,
 * request id, timing) and drops its body: bodies hold document text, so they may hold secrets, and
 * nothing the extension logs may repeat a secret. Structured (JSON) traces are dropped for the same
 * reason.
 */
export function redactedTraceChannel(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  const firstLine = (message: string) => {
    const cut = message.indexOf('\n');
    return cut === -1 ? message : `${message.slice(0, cut)} [body not logged]`;
  };
  return new Proxy(channel, {
    get(target, property, receiver) {
      if (property === 'trace') {
        return (message: string) => {
          if (message.startsWith('{')) return; // traceObject(JSON): no safe header to keep
          target.trace(firstLine(message));
        };
      }
      if (property === 'append' || property === 'appendLine') {
        return (value: string) => target.appendLine(firstLine(value));
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
