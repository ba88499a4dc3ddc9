// `kube-dns-tools forward` alone (dist/forward.js): a long-running forwarder does not carry the linter, the
// YAML parser and the other commands in memory. The manifest reader is loaded only for --manifest.
import { registerForward } from './commands/forward.js';
import { createProgram, runProgram } from './program.js';

const program = createProgram();
registerForward(program);
runProgram(program);
