import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    // `npm run dev` here talks to the API server started by `npm run dev` at the root.
    proxy: { '/api': 'http://localhost:8080' },
  },
});
