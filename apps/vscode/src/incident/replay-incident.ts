import { fork } from 'node:child_process';
import * as vscode from 'vscode';

/** The demo's two verdict lines ("without -N: ...", "with -N: ..."), joined for a notification. */
export function incidentVerdict(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => /^with(out)? -N:/.test(l));
  return lines.length > 0 ? lines.map((l) => l.replace(/\s+/g, ' ')).join(' ') : 'the demo printed no verdict; see the output';
}

/** "Replay the Incident": the CLI's demo in a child process, its output in a channel, the verdict in a notification. */
export async function replayIncident(script: string, channel: vscode.OutputChannel): Promise<string> {
  channel.clear();
  channel.show(true);
  const child = fork(script, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    channel.append(chunk.toString());
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const verdict = incidentVerdict(output);
  if (code === 0) void vscode.window.showInformationMessage(`kube-dns Tools incident replay: ${verdict}`);
  else void vscode.window.showErrorMessage(`kube-dns Tools incident replay failed (exit ${code}); see the output`);
  return verdict;
}
