/**
 * Arguments every resource takes on every cloud, as plain values. The SDK wraps each in
 * `pulumi.Input`; the docs here are the ones users see.
 */

/** Per-operation deadlines, as Go-style durations ("90s", "10m", "1h"). Defaults: 10m each. */
export interface Timeouts {
  create?: string;
  update?: string;
  delete?: string;
}

export interface CommonArgs {
  /** The cloud's region. Changing it replaces the resource. */
  region: string;
  /** Tags as a map. The cloud's count, length and charset limits are checked before any call. */
  tags?: Record<string, string>;
  /**
   * How long create, update and delete may wait for the cloud. The engine ignores `customTimeouts`
   * for dynamic resources, so this input replaces it.
   */
  timeouts?: Timeouts;
  /**
   * Take over an existing object with this id instead of creating one (the engine's `import` option
   * cannot reach dynamic providers). Applies to the first create only: a later replacement creates a
   * new object. Fields that cannot change in place must match the program; fields that can are
   * updated to match it. Destroying the resource deletes the adopted object.
   */
  adoptId?: string;
}

/** Connection arguments every cloud takes (a connection has no tags and nothing to adopt). */
export interface CommonConnectionArgs {
  /** The service's region. Changing it replaces the resource. */
  region: string;
  /**
   * Accept (`true`, the default) or reject the endpoint. Updates in place. Delete revokes an
   * acceptance (reject or disconnect, as the cloud allows) and leaves a rejection as it is.
   */
  accepted?: boolean;
  /** How long create, update and delete may wait for the cloud (the engine ignores `customTimeouts`). */
  timeouts?: Timeouts;
}

/** Endpoint arguments every cloud takes. */
export interface CommonEndpointArgs extends CommonArgs {
  /**
   * When the service requires approval, wait until the owner accepts. Defaults to `false`: the
   * endpoint is ready once the cloud accepted the request (`pendingAcceptance`).
   */
  waitForAcceptance?: boolean;
}
