import { defineConfig } from "vite";

// The explorer is served by the API itself (see src/explorer/), from web/dist: no CDN, works offline.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // cytoscape alone is ~400 kB; one chunk for it keeps the main bundle small.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/graphql": "http://127.0.0.1:4000",
      "/health": "http://127.0.0.1:4000",
    },
  },
});
