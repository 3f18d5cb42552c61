/**
 * The quickstart through the real Pulumi CLI (Automation API, local file backend), where `pulumi`
 * is on PATH. The CLI cannot be installed on this project's machines, so here it is skipped; the
 * same stages run through the engine-protocol runner in the demo and the integration suites.
 */
import { execFileSync } from "node:child_process";
import { startEmulator } from "../../emulator/index.js";

function pulumiOnPath(): boolean {
  try {
    execFileSync("pulumi", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const withCli = pulumiOnPath() ? test : test.skip;

withCli(
  "the quickstart runs preview, up, in-place and replacing changes, refresh and destroy through the CLI",
  async () => {
    const { runWithCli } = await import("../../scripts/demo-cli.js");
    const { emulatorConfig, SECRET_KEYS, STAGES, ROOT } = await import("../../scripts/demo-stages.js");
    const emulator = await startEmulator({ defaultProgression: "manual:1" });
    try {
      const ok = await runWithCli({
        root: ROOT,
        config: emulatorConfig(emulator),
        secretKeys: SECRET_KEYS,
        stages: STAGES,
      });
      expect(ok).toBe(true);
    } finally {
      await emulator.close();
    }
  },
  600_000,
);
