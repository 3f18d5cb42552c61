/**
 * The CLI's environment parsing: defaults, loopback-only binding and rejected values.
 */
import {
  CLI_DEFAULT_PORTS,
  CLI_ENV_VARS,
  CliConfigError,
  optionsFromEnv,
} from "../../emulator/cli-options.js";

test("defaults: loopback, ports 18080/18081/18082, strict auth, 1.5 s per state step", () => {
  expect(optionsFromEnv({})).toEqual({
    host: "127.0.0.1",
    auth: "strict",
    defaultProgression: { progression: "time", ms: 1500 },
    ports: {
      huaweicloud: CLI_DEFAULT_PORTS.huaweicloud,
      tencentcloud: CLI_DEFAULT_PORTS.tencentcloud,
      opentelekomcloud: CLI_DEFAULT_PORTS.opentelekomcloud,
      volcengine: CLI_DEFAULT_PORTS.volcengine,
    },
  });
});

test("every variable is read", () => {
  expect(
    optionsFromEnv({
      VPCEP_EMULATOR_HOST: "::1",
      VPCEP_EMULATOR_HUAWEICLOUD_PORT: "0",
      VPCEP_EMULATOR_TENCENTCLOUD_PORT: "9000",
      VPCEP_EMULATOR_OPENTELEKOMCLOUD_PORT: "9001",
      VPCEP_EMULATOR_AUTH: "lenient",
      VPCEP_EMULATOR_PROGRESSION: "manual:2",
      VPCEP_EMULATOR_STATE_FILE: "/tmp/state.json",
      VPCEP_EMULATOR_SEED: "7",
      VPCEP_EMULATOR_HUAWEICLOUD_REGION: "eu-de",
      VPCEP_EMULATOR_OPENTELEKOMCLOUD_REGION: "eu-nl",
    }),
  ).toEqual({
    host: "::1",
    auth: "lenient",
    defaultProgression: { progression: "manual", times: 2 },
    ports: {
      huaweicloud: 0,
      tencentcloud: 9000,
      opentelekomcloud: 9001,
      volcengine: CLI_DEFAULT_PORTS.volcengine,
    },
    stateFile: "/tmp/state.json",
    seed: 7,
    cloudOptions: { huaweicloud: { region: "eu-de" }, opentelekomcloud: { region: "eu-nl" } },
  });
  expect(optionsFromEnv({ VPCEP_EMULATOR_PROGRESSION: "immediate" }).defaultProgression).toEqual({
    progression: "immediate",
  });
  expect(optionsFromEnv({ VPCEP_EMULATOR_HOST: "localhost" }).host).toBe("localhost");
});

test.each(["0.0.0.0", "192.168.1.10", "::", "example.com"])("host %s is refused: loopback only", (host) => {
  expect(() => optionsFromEnv({ VPCEP_EMULATOR_HOST: host })).toThrow(CliConfigError);
});

test.each([
  ["VPCEP_EMULATOR_HUAWEICLOUD_PORT", "70000"],
  ["VPCEP_EMULATOR_TENCENTCLOUD_PORT", "http"],
  ["VPCEP_EMULATOR_AUTH", "maybe"],
  ["VPCEP_EMULATOR_PROGRESSION", "time:soon"],
  ["VPCEP_EMULATOR_PROGRESSION", "manual:0"],
  ["VPCEP_EMULATOR_SEED", "-1"],
  ["VPCEP_EMULATOR_HUAWEICLOUD_REGION", "EU DE"],
])("%s=%s is refused", (name, value) => {
  expect(() => optionsFromEnv({ [name]: value })).toThrow(CliConfigError);
});

test("--help lists every registered cloud's port and option variables", () => {
  expect(Object.keys(CLI_ENV_VARS)).toEqual([
    "VPCEP_EMULATOR_HOST",
    "VPCEP_EMULATOR_HUAWEICLOUD_PORT",
    "VPCEP_EMULATOR_TENCENTCLOUD_PORT",
    "VPCEP_EMULATOR_OPENTELEKOMCLOUD_PORT",
    "VPCEP_EMULATOR_VOLCENGINE_PORT",
    "VPCEP_EMULATOR_AUTH",
    "VPCEP_EMULATOR_PROGRESSION",
    "VPCEP_EMULATOR_STATE_FILE",
    "VPCEP_EMULATOR_SEED",
    "VPCEP_EMULATOR_HUAWEICLOUD_REGION",
    "VPCEP_EMULATOR_OPENTELEKOMCLOUD_REGION",
    "VPCEP_EMULATOR_VOLCENGINE_REGION",
    "VPCEP_EMULATOR_VOLCENGINE_REPLAY",
  ]);
  expect(CLI_ENV_VARS.VPCEP_EMULATOR_HUAWEICLOUD_PORT).toContain("default 18080");
  expect(CLI_ENV_VARS.VPCEP_EMULATOR_HUAWEICLOUD_REGION).toContain("default cn-north-4");
});
