// Manifest readers: the kube-dns manifest model, its reader and the Corefiles it holds.
export * from './model.js';
export * from './read-manifest.js';
export * from './find-corefiles.js';
