// dist/cli.js: `forward` starts from its own small bundle (see forward-main.ts), every other command from main.js.
// Plain require of a path computed at run time: the bundler must leave both files out of this one.
import { join } from 'node:path';

const entry = process.argv[2] === 'forward' ? 'forward.js' : 'main.js';
require(join(__dirname, entry));
