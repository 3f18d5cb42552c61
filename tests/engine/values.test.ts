/**
 * The harness's pure parts: value mapping between the SDK's mock monitor and the wire, and the
 * command line.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseArgs } from "./cli.js";
import {
  UNKNOWN,
  changedKeys,
  containsUnknown,
  deepEqual,
  markSecrets,
  propsToWire,
  toWire,
} from "./values.js";

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

describe("values", () => {
  test("the SDK's unknown marker becomes the sentinel string, at any depth", () => {
    expect(toWire(pulumi.unknown)).toBe(UNKNOWN);
    expect(toWire({ a: [1, pulumi.unknown], b: { c: pulumi.unknown } })).toEqual({
      a: [1, UNKNOWN],
      b: { c: UNKNOWN },
    });
    expect(containsUnknown({ a: [1, UNKNOWN] })).toBe(true);
    expect(containsUnknown({ a: [1, "x"] })).toBe(false);
  });

  test("secret wrappers are unwrapped and their top-level keys named", () => {
    const { props, secretKeys } = propsToWire({ token: { ...SECRET, value: "s3cr3t" }, plain: 1 });
    expect(props).toEqual({ token: "s3cr3t", plain: 1 });
    expect(secretKeys).toEqual(["token"]);
    expect(markSecrets({ token: "s3cr3t", plain: 1 }, ["token"])).toEqual({
      token: { ...SECRET, value: "s3cr3t" },
      plain: 1,
    });
  });

  test("undefined members are dropped and undefined array items become null", () => {
    expect(toWire({ a: undefined, b: [undefined, 2] })).toEqual({ b: [null, 2] });
  });

  test("changedKeys compares top-level values structurally, key order ignored", () => {
    expect(changedKeys({ a: { x: 1, y: 2 }, b: 1, c: 3 }, { a: { y: 2, x: 1 }, b: 2, d: 4 })).toEqual([
      "b",
      "c",
      "d",
    ]);
    expect(deepEqual([1, { a: null }], [1, { a: null }])).toBe(true);
    expect(deepEqual([1], [1, 2])).toBe(false);
  });
});

describe("command line", () => {
  const base = ["--program", "p.js", "--state", "s.json", "--project", "proj", "--stack", "dev"];

  test("collects ops in order, config, secret config and env", () => {
    expect(
      parseArgs([
        ...base,
        "--op",
        "preview",
        "--config",
        "dir=/tmp/x=y",
        "--secret-config",
        "proj:token=t",
        "--op",
        "up",
        "--env",
        "A=1",
        "--cwd",
        "/prog",
      ]),
    ).toEqual({
      program: "p.js",
      stateFile: "s.json",
      project: "proj",
      stack: "dev",
      config: { dir: "/tmp/x=y", "proj:token": "t" },
      secretKeys: ["proj:token"],
      ops: ["preview", "up"],
      cwd: "/prog",
      env: { A: "1" },
    });
  });

  test("rejects unknown operations, missing flags and malformed pairs", () => {
    expect(() => parseArgs([...base, "--op", "import"])).toThrow('unknown operation "import"');
    expect(() => parseArgs(["--op", "up"])).toThrow("--program is required");
    expect(() => parseArgs(base)).toThrow("at least one --op is required");
    expect(() => parseArgs([...base, "--op", "up", "--config", "novalue"])).toThrow("key=value");
  });
});
