import { StreamMessageReader, StreamMessageWriter, createConnection, type Connection } from 'vscode-languageserver/node';
import { diagnosticsJsonEncoder } from './diagnostics-json-encoder.js';

export interface ServerConnection {
  connection: Connection;
  /** The client sent `shutdown`: a closed input after it is a normal end. */
  noteShutdown(): void;
}

/**
 * The connection on the transport named on the command line. Over --stdio the server reads the frames itself:
 * after a frame it cannot read (`Content-Length: abc`) the stream is out of step for good, so it says so and
 * exits with code 1, which makes the client restart it, instead of ignoring every later message.
 */
export function createServerConnection(): ServerConnection {
  let shutdown = false;
  const noteShutdown = () => {
    shutdown = true;
  };
  if (!process.argv.slice(2).includes('--stdio')) return { connection: createConnection(), noteShutdown };

  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsJsonEncoder });
  const connection = createConnection(reader, writer);
  let leaving = false;
  reader.onError((error) => {
    // A body that is not JSON leaves the framing intact: the next message is read normally.
    if (error instanceof SyntaxError) {
      connection.console.error(`ignored a message that is not JSON: ${error.message}`);
      return;
    }
    if (leaving) return;
    leaving = true;
    const message = `unreadable frame on stdin (${error.message.split('\n')[0]}): the message stream is out of step, exiting with code 1 so the client restarts the server`;
    process.stderr.write(`kube-dns-tools language server: ${message}\n`);
    connection.console.error(message);
    setTimeout(() => process.exit(1), 100);
  });
  const ended = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  return { connection, noteShutdown };
}
