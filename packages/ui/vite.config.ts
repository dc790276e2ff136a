// Builds the app as a static site with relative paths, so it works from any folder of any
// static host and offline once loaded. One Content-Security-Policy: sent as a response header
// by `vite preview` (the only way `frame-ancestors` counts) and, for static hosts that cannot
// set headers, as a meta tag in the page (without `frame-ancestors`, which a meta tag ignores).
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const POLICY: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // Lit adopts constructed style sheets; Observable Plot sets style attributes on its SVG.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = [...POLICY, "frame-ancestors 'none'"].join('; ');

const cspMeta: Plugin = {
  name: 'sarcsim-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: POLICY.join('; ') },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  base: './',
  plugins: [cspMeta],
  resolve: {
    alias: {
      // stdlib probes for generators with eval (see the shim): the answer is fixed for ES2022.
      '@stdlib/assert-has-generator-support': fileURLToPath(
        new URL('./shims/has-generator-support.cjs', import.meta.url),
      ),
    },
  },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: false,
    headers: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
