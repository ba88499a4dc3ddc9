// Moved to text/, the bottom layer; this re-export keeps existing imports working. New code imports ../text/template-tags.js.
export * from '../text/template-tags.js';
