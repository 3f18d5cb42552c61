/**
 * The cloud registry: the core and the entry points know no cloud by name, and everything the
 * README documents per cloud (names, default keys, provider config, CLI variables, start options)
 * derives from `emulator/clouds/index.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLOUD_REGISTRATIONS } from "../../emulator/clouds/index.js";
import {
  CLOUDS,
  EMULATOR_CREDENTIALS,
  providerConfig,
  PROVIDER_SECRET_KEYS,
  startEmulator,
} from "../../emulator/index.js";
import { controlClient } from "./helpers.js";

const EMULATOR = fileURLToPath(new URL("../../emulator/", import.meta.url));

/** The files that must stay cloud-neutral. */
function neutralFiles(): string[] {
  const core = readdirSync(join(EMULATOR, "core"), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join("core", name));
  const top = readdirSync(EMULATOR).filter(
    (name) =>
      ["index.ts", "credentials.ts", "provider-config.ts", "defaults.ts"].includes(name) ||
      /^cli.*\.ts$/.test(name),
  );
  return [...core, ...top];
}

test("no registered cloud is named in the core, the entry points, credentials, provider config, CLI or defaults", async () => {
  // Names, labels and the vendor prefix of each cloud's models ("huawei::…" gives "huawei").
  const emulator = await startEmulator({ clouds: [...CLOUDS] });
  let models: string[];
  try {
    const listed = await controlClient(emulator.controlUrl).get("/transitions");
    models = listed.body.transitions.map((t: { model: string }) => t.model);
  } finally {
    await emulator.close();
  }
  const words = new Set<string>([
    ...CLOUD_REGISTRATIONS.flatMap((registration) => [registration.name, registration.label]),
    ...models.map((model) => model.split("::")[0]!),
  ]);
  const files = neutralFiles();
  expect(files).toEqual(
    expect.arrayContaining(["index.ts", "cli.ts", "cli-options.ts", join("core", "server.ts")]),
  );
  const offences: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(EMULATOR, file), "utf8");
    for (const word of words) {
      const pattern = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i");
      text.split("\n").forEach((line, index) => {
        if (pattern.test(line)) offences.push(`${file}:${index + 1} names "${word}": ${line.trim()}`);
      });
    }
  }
  expect(offences).toEqual([]);
});

test("CLOUDS and EMULATOR_CREDENTIALS derive from the registrations", () => {
  expect(CLOUDS).toEqual(CLOUD_REGISTRATIONS.map((registration) => registration.name));
  expect(CLOUDS).toEqual(["huaweicloud", "tencentcloud", "opentelekomcloud", "volcengine"]);
  expect(EMULATOR_CREDENTIALS.huaweicloud.primary.accessKey).toBe("VPCEPEMULATORHWAK0001");
  expect(EMULATOR_CREDENTIALS.huaweicloud.secondary.domainId).toBe("9f8e7d6c5b4a43210fedcba987654321");
  expect(EMULATOR_CREDENTIALS.tencentcloud.primary.secretId).toBe("AKIDvpcepEmulator00000000000000000001");
  expect(EMULATOR_CREDENTIALS.tencentcloud.secondary.uin).toBe("100000000002");
  expect(EMULATOR_CREDENTIALS.volcengine.primary.accessKeyId).toBe("AKLTdnBjZXBlbXVsYXRvcjAwMDE");
  expect(EMULATOR_CREDENTIALS.volcengine.secondary.accountId).toBe("2100000002");
});

test("providerConfig keeps its documented keys and values; PROVIDER_SECRET_KEYS lists the secrets", () => {
  const urls = {
    huaweicloud: "http://127.0.0.1:1",
    tencentcloud: "http://127.0.0.1:2",
    opentelekomcloud: "http://127.0.0.1:3",
    volcengine: "http://127.0.0.1:4",
  };
  expect(providerConfig(urls)).toEqual({
    "vpcep:huaweicloudEndpoint": "http://127.0.0.1:1",
    "vpcep:huaweicloudAccessKey": "VPCEPEMULATORHWAK0001",
    "vpcep:huaweicloudSecretKey": "vpcep-emulator-huaweicloud-secret-key",
    "vpcep:huaweicloudProjectId": "0605767b5e00d5762fc8c0102dd4bb6b",
    "vpcep:tencentcloudEndpoint": "http://127.0.0.1:2",
    "vpcep:tencentcloudSecretId": "AKIDvpcepEmulator00000000000000000001",
    "vpcep:tencentcloudSecretKey": "vpcepEmulatorTencentSecretKey0001",
    "vpcep:opentelekomcloudEndpoint": "http://127.0.0.1:3",
    "vpcep:opentelekomcloudAccessKey": "VPCEPEMULATOROTCAK0001",
    "vpcep:opentelekomcloudSecretKey": "vpcep-emulator-opentelekomcloud-secret-key",
    "vpcep:opentelekomcloudProjectId": "5c0e1a2b3d4f45a6b7c8d9e0f1a2b3c4",
    "vpcep:volcengineEndpoint": "http://127.0.0.1:4",
    "vpcep:volcengineAccessKey": "AKLTdnBjZXBlbXVsYXRvcjAwMDE",
    "vpcep:volcengineSecretKey": "vpcepEmulatorVolcengineSecretKey0001",
  });
  expect(providerConfig(urls, "secondary")["vpcep:tencentcloudSecretId"]).toBe(
    "AKIDvpcepEmulator00000000000000000002",
  );
  expect(PROVIDER_SECRET_KEYS).toEqual([
    "vpcep:huaweicloudSecretKey",
    "vpcep:tencentcloudSecretKey",
    "vpcep:opentelekomcloudSecretKey",
    "vpcep:volcengineSecretKey",
  ]);
});

describe("per-cloud start options", () => {
  async function hwRegion(options: Parameters<typeof startEmulator>[0]): Promise<string> {
    const emulator = await startEmulator({ clouds: ["huaweicloud"], auth: "off", ...options });
    try {
      const projectId = EMULATOR_CREDENTIALS.huaweicloud.primary.projectId;
      await fetch(`${emulator.urls.huaweicloud}/v1/${projectId}/vpc-endpoints`);
      const journal = await controlClient(emulator.controlUrl).get("/requests");
      return journal.body.requests[0].region;
    } finally {
      await emulator.close();
    }
  }

  test("the default, the huaweicloudRegion alias and cloudOptions all reach the module", async () => {
    expect(await hwRegion({})).toBe("cn-north-4");
    expect(await hwRegion({ huaweicloudRegion: "eu-west-0" })).toBe("eu-west-0");
    expect(await hwRegion({ cloudOptions: { huaweicloud: { region: "ap-southeast-1" } } })).toBe(
      "ap-southeast-1",
    );
    // cloudOptions wins over the alias.
    expect(
      await hwRegion({
        huaweicloudRegion: "eu-west-0",
        cloudOptions: { huaweicloud: { region: "cn-east-3" } },
      }),
    ).toBe("cn-east-3");
  });

  test.each([
    [{ cloudOptions: { huaweicloud: { zone: "a" } } }, /unknown option "zone"/],
    [{ cloudOptions: { aws: {} } }, /unknown cloud "aws"/],
    [{ huaweicloudRegion: "North 4" }, /region name/],
  ])("%j is refused", async (options, message) => {
    await expect(startEmulator(options as Parameters<typeof startEmulator>[0])).rejects.toThrow(message);
  });
});
