// Preloaded with `node --require`: writes the process's peak resident memory (bytes) to the file named by
// KDT_MAX_RSS_FILE when it exits, so a parent can read a child's peak without platform tools.
const { writeFileSync } = require('node:fs');
const file = process.env.KDT_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
