// The text layer: source ranges, text edits, line index, placeholders and template tags, shared by every reader.
export * from './common-affixes.js';
export * from './decoded-text.js';
export * from './edits-between.js';
export * from './line-index.js';
export * from './placeholders.js';
export * from './source-range.js';
export * from './template-tags.js';
export * from './text-edit.js';
