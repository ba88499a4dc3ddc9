// Moved to text/, the bottom layer; this re-export keeps existing imports working. New code imports ../text/placeholders.js.
export * from '../text/placeholders.js';
