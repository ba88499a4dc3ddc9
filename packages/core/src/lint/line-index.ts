// Moved to text/, the bottom layer; this re-export keeps existing imports working. New code imports ../text/line-index.js.
export * from '../text/line-index.js';
