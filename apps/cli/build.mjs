import { bundleCli } from './bundle.mjs';

await bundleCli('dist', { sourcemap: true });
