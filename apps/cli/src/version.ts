/** The CLI's version, printed by `--version` and written into SARIF logs; version.test.ts keeps it equal to package.json's. */
export const CLI_VERSION = '0.1.0';
