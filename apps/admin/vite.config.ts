import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The JavaScript a first visit downloads before anything shows, gzipped (issue 7's budget). */
const INITIAL_JS_BUDGET_BYTES = 350 * 1024;

/**
 * Fails the build when the entry chunk and everything it imports statically grow past the budget.
 * Screens load on demand (lazy routes), so this is what every first visit pays.
 */
function initialJavaScriptBudget(budgetBytes: number): Plugin {
  return {
    name: 'openpatrol-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (output) => output.type === 'chunk' && output.isEntry,
      );
      if (!entry || entry.type !== 'chunk') return;
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || !chunk || chunk.type !== 'chunk') return;
        seen.add(fileName);
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const gzipped = [...seen].reduce((total, fileName) => {
        const chunk = bundle[fileName];
        return total + (chunk?.type === 'chunk' ? gzipSync(chunk.code).length : 0);
      }, 0);
      const summary = `initial JavaScript: ${(gzipped / 1024).toFixed(1)} kB gzipped in ${seen.size} file(s), budget ${budgetBytes / 1024} kB`;
      if (gzipped > budgetBytes) this.error(`Over budget: ${summary}`);
      this.info(summary);
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), initialJavaScriptBudget(INITIAL_JS_BUDGET_BYTES)],
  server: {
    // `npm run dev` here talks to the API server started by `npm run dev` at the root.
    proxy: { '/api': 'http://localhost:8080' },
  },
});
