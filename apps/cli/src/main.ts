import { registerCheckArgs } from './commands/check-args.js';
import { registerDemo } from './commands/demo.js';
import { registerForward } from './commands/forward.js';
import { registerLint } from './commands/lint/lint.js';
import { registerProbe } from './commands/probe.js';
import { registerRules } from './commands/rules.js';
import { createProgram, runProgram } from './program.js';

const program = createProgram();

// One line per command; each command lives in ./commands/<name>.ts.
registerCheckArgs(program);
registerLint(program);
registerForward(program);
registerDemo(program);
registerProbe(program);
registerRules(program);

runProgram(program);
