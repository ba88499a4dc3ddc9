// Moved to text/, the bottom layer; this re-export keeps existing imports working. New code imports ../text/decoded-text.js.
export * from '../text/decoded-text.js';
