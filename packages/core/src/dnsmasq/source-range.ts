// Moved to text/, the bottom layer; this re-export keeps existing imports working. New code imports ../text/source-range.js.
export * from '../text/source-range.js';
