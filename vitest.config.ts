import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite's resolver does not match chrono-node's wildcard export for its English entry; Node's does.
  resolve: { alias: { 'chrono-node/en': fileURLToPath(import.meta.resolve('chrono-node/en')) } },
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
