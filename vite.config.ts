import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = `http://localhost:${process.env.HEJIE_API_PORT ?? 8080}`;

/**
 * The map chunk is lazy (it is not needed for the register) but it is on the critical path to the
 * first map idle: announce it in the HTML so the browser fetches and compiles it while the main
 * bundle runs, instead of after.
 */
function preloadMapChunk(): Plugin {
  return {
    name: 'hejie-preload-map-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('src/ui/map-pane.tsx'),
        );
        if (!chunk) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadMapChunk()],
  build: {
    outDir: 'dist',
    // source maps are not shipped by default (they hand out the whole source); HEJIE_SOURCEMAP=1
    // builds them for debugging
    sourcemap: process.env.HEJIE_SOURCEMAP === '1',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': api, '/geodata': api },
  },
});
