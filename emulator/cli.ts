#!/usr/bin/env node
/**
 * `vpcep-emulator`: starts the emulator from environment variables and prints one line per cloud
 * (`<cloud> http://127.0.0.1:<port>`) and the control URL. Ctrl-C saves the snapshot (when
 * configured) and exits.
 */
import { CLI_ENV_VARS, CliConfigError, optionsFromEnv } from "./cli-options.js";
import { REGISTRATIONS } from "./clouds/index.js";
import { startEmulator } from "./index.js";

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    const apis = REGISTRATIONS.map((registration) => registration.label).join(", ");
    process.stdout.write(`vpcep-emulator: local ${apis} APIs\n\nEnvironment:\n`);
    for (const [name, text] of Object.entries(CLI_ENV_VARS))
      process.stdout.write(`  ${name.padEnd(36)} ${text}\n`);
    return;
  }
  const emulator = await startEmulator(optionsFromEnv(process.env));
  for (const [cloud, url] of Object.entries(emulator.urls))
    if (url) process.stdout.write(`${cloud} ${url}\n`);
  process.stdout.write(`control ${emulator.controlUrl}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `vpcep-emulator: shutdown after ${signal} failed: ${(error as Error).message}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`vpcep-emulator: ${(error as Error).message}\n`);
  process.exit(error instanceof CliConfigError ? 2 : 1);
});
