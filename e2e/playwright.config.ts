import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys against the built app (API serving the web app) on a throwaway embedded PostgreSQL.
 * Chromium comes from Debian (/usr/bin/chromium or CHROME_PATH); Playwright never downloads one.
 */
const port = Number(process.env['E2E_PORT'] ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './journeys',
  outputDir: '../tmp/e2e/test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: '../tmp/e2e/report', open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // Material honours reduced motion: overlays open and close without animating, so a step never
    // acts on a panel that is still moving.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node e2e/support/serve.mjs',
    cwd: '..',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      PUBLIC_URL: baseURL,
      EMBEDDED_PG_DATA_DIR: 'tmp/e2e/postgres',
      EMBEDDED_PG_PORT: String(Number(process.env['E2E_PG_PORT'] ?? 54339)),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});
