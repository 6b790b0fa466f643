import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/** Browser journeys against the production build (run `npm run build` first). */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    fileParallelism: true,
    // Whole journeys; generous because a busy 2-core machine (CI beside other jobs) runs them 3-4x slower.
    testTimeout: 180_000,
    hookTimeout: 90_000,
  },
});
