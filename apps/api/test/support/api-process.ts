// The API as a process of its own (run with `node -r @swc-node/register`), so a test can kill it
// with SIGKILL the way a crash or an OOM kill would. Configured by the environment like main.ts,
// against an existing database (DATABASE_URL); prints "ready" once its workers run.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app/app.module';
import { loadConfig, type ResolvedConfig } from '../../src/app/config/app-config';
import { configureApp } from '../../src/app/configure-app';

async function run(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl || !config.jwtSecret) throw new Error('DATABASE_URL and JWT_SECRET are required');
  const resolved: ResolvedConfig = {
    ...config,
    databaseUrl: config.databaseUrl,
    jwtSecret: config.jwtSecret,
  };
  const app = await NestFactory.create(AppModule.register(resolved), { bufferLogs: true, logger: false });
  await configureApp(app, resolved);
  await app.init();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
