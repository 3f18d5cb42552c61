import type * as pulumi from "@pulumi/pulumi";

/** Per-operation deadlines, as Go-style durations ("90s", "10m", "1h"). Defaults: 10m each. */
export interface Timeouts {
  create?: string;
  update?: string;
  delete?: string;
}

/** Settings every resource takes, whatever the cloud. */
export interface CommonArgs {
  /** Region, e.g. `cn-north-4` (Huawei Cloud) or `ap-guangzhou` (Tencent Cloud). Changing it replaces the resource. */
  region: pulumi.Input<string>;
  /** Tags as a map. Each cloud's count, length and charset limits are checked before any call. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * How long create, update and delete may wait for the cloud. The engine ignores `customTimeouts`
   * for dynamic resources, so this input replaces it.
   */
  timeouts?: pulumi.Input<Timeouts>;
  /**
   * Take over an existing object with this id instead of creating one (the engine's `import` option
   * cannot reach dynamic providers). Fields that cannot change in place must match the program;
   * fields that can are updated to match it. Destroying the resource deletes the adopted object.
   */
  adoptId?: pulumi.Input<string>;
}

/** Rejects a missing required property before any I/O, naming it like generated providers do. */
export function requireProperties(args: object | undefined, names: readonly string[]): void {
  for (const name of names) {
    if (args === undefined || (args as Record<string, unknown>)[name] === undefined) {
      throw new Error(`Missing required property '${name}'`);
    }
  }
}
