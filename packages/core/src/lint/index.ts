// The linter: lintText and its per-document form, findings, automatic fixes, rule catalog, config files, suppressions.
export * from './lint-text.js';
export * from './lint-by-document.js';
export * from './finding.js';
export * from './apply-fixes.js';
export * from './automatic-fixes.js';
export * from './rule-catalog.js';
export * from './rules/suppression-rules.js';
export * from './config-file.js';
export * from './node-config-file-system.js';
export * from './file-names.js';
export * from './suppression-edits.js';
export * from './suppression-spellings.js';
