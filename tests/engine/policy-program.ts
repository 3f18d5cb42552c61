/**
 * The policy tests' program: the engine fixture program (records from `<dir>/plan.json`) plus
 * the plan's `foreign` list, custom resources of providers the harness does not run, declared
 * the way a program declares another provider's resource without its SDK (a bare
 * `pulumi.CustomResource` with the type token). Their ids are the stack output `foreignIds`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import fixtureProgram from "../fixtures/engine/program.js";

/** One foreign resource in the plan. */
export interface PlannedForeign {
  type: string;
  name: string;
  props: Record<string, unknown>;
  opts?: pulumi.CustomResourceOptions;
}

/** `CustomResource` is abstract in TypeScript only: a subclass adds nothing but the right to `new`. */
class ForeignResource extends pulumi.CustomResource {}

export default function program(): Record<string, pulumi.Output<unknown>> {
  const outputs = fixtureProgram();
  const dir = new pulumi.Config().require("dir");
  const plan = JSON.parse(fs.readFileSync(path.join(dir, "plan.json"), "utf8")) as {
    foreign?: PlannedForeign[];
  };
  const ids: Record<string, pulumi.Output<string>> = {};
  for (const { type, name, props, opts } of plan.foreign ?? []) {
    ids[name] = new ForeignResource(type, name, { ...props }, opts).id;
  }
  return { ...outputs, foreignIds: pulumi.all(ids) };
}
