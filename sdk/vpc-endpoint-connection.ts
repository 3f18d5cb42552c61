import * as pulumi from "@pulumi/pulumi";
import { outputNames, type CloudName } from "../provider/clouds/index.js";
import type { VpcEndpointConnectionArgs } from "./args.js";
import { requireProperties } from "./common.js";
import { connectionProvider } from "./provider-stub.js";

export type { VpcEndpointConnectionArgs } from "./args.js";

/** Looks up an existing connection by id (`<serviceId>/<endpointId>`): `cloud` and `region` say where. */
export interface VpcEndpointConnectionLookup {
  cloud: pulumi.Input<CloudName>;
  region: pulumi.Input<string>;
}

/**
 * The service owner's decision on one endpoint of an approval-required endpoint service: accept
 * (the default) or reject it, typically another team's or account's endpoint.
 *
 * > **NOTE** Create sends the decision and waits until the connection reports it (`accepted` or
 * > `rejected`); a connection the decision cannot reach (`failed`) ends the wait with the cloud's
 * > reason. A change of `accepted` updates in place. Delete revokes what create granted: an
 * > accepted endpoint is rejected (Huawei Cloud, OTC, Tencent Cloud) or disconnected (Volcengine,
 * > `Rejected`), and the wait ends once the connection reports it or is gone; a rejection is left
 * > as it is (no cloud returns a connection to `pendingAcceptance`).
 *
 * > **NOTE** The connection is read from the service's side (the owner may not see the consumer's
 * > endpoint itself): refresh drops a connection whose endpoint or service is gone.
 *
 * ## Example Usage
 * ### Huawei Cloud
 * ```ts
 * new VpcEndpointConnection("accept-orders", {
 *   cloud: "huaweicloud", region: "cn-north-4",
 *   serviceId: service.id, endpointId: "c8a4d2f0-1b3e-4d5a-9c6f-7e8d9a0b1c2d",
 * });
 * ```
 * ### Tencent Cloud, a rejection
 * ```ts
 * new VpcEndpointConnection("reject-unknown", {
 *   cloud: "tencentcloud", region: "ap-guangzhou",
 *   serviceId: "vpcsvc-abcd1234", endpointId: "vpce-abcd1234", accepted: false,
 * });
 * ```
 * ## Import
 * The id is `<serviceId>/<endpointId>`. Nothing needs adopting (declaring the decision makes it):
 * `VpcEndpointConnection.get(name, "<serviceId>/<endpointId>", { cloud, region })` reads one
 * without managing it.
 */
export class VpcEndpointConnection extends pulumi.dynamic.Resource {
  /** The type token policies match on. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/vpcep:VpcEndpointConnection";

  /** Reads an existing connection (id `<serviceId>/<endpointId>`) without managing it. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state: VpcEndpointConnectionLookup,
    opts?: pulumi.CustomResourceOptions,
  ): VpcEndpointConnection {
    return new VpcEndpointConnection(name, state as unknown as VpcEndpointConnectionArgs, { ...opts, id });
  }

  /** True when `obj` is a VpcEndpointConnection, even across copies of this package. */
  static override isInstance(obj: unknown): obj is VpcEndpointConnection {
    return (
      obj !== null &&
      typeof obj === "object" &&
      (obj as { __pulumiType?: string }).__pulumiType === VpcEndpointConnection.__pulumiType
    );
  }

  /** The cloud: `huaweicloud`, `opentelekomcloud`, `tencentcloud` or `volcengine`. */
  declare readonly cloud: pulumi.Output<string>;
  /** The region. */
  declare readonly region: pulumi.Output<string>;
  /** The endpoint service. */
  declare readonly serviceId: pulumi.Output<string>;
  /** The endpoint. */
  declare readonly endpointId: pulumi.Output<string>;
  /**
   * The decision the cloud holds: `true` accepted, `false` rejected; `null` while the endpoint
   * waits for one (after a refresh of a connection whose decision did not reach the cloud).
   */
  declare readonly accepted: pulumi.Output<boolean | null>;
  /** The cloud's raw status: `accepted` (Huawei Cloud, OTC), `ACTIVE` (Tencent), `Connected` (Volcengine), … */
  declare readonly status: pulumi.Output<string>;
  /** Normalised state: `pendingAcceptance`, `accepting`, `accepted`, `rejecting`, `rejected`, `failed`, `deleting`. */
  declare readonly state: pulumi.Output<string>;
  /** The endpoint owner's account as the cloud reports it: domain id (Huawei Cloud, OTC), AppId (Tencent), account id (Volcengine). */
  declare readonly endpointOwner: pulumi.Output<string>;
  /** The endpoint's private address (Tencent Cloud; Volcengine: the first zone's). */
  declare readonly privateIp: pulumi.Output<string | undefined>;
  /** The endpoint's VPC (Tencent Cloud, Volcengine). */
  declare readonly endpointVpcId: pulumi.Output<string | undefined>;
  /** Huawei Cloud and OTC packet marker id of the endpoint, as a decimal string. */
  declare readonly markerId: pulumi.Output<string | undefined>;
  /** Creation time as the cloud reports it. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Time of the last change as the cloud reports it (Huawei Cloud, OTC, Volcengine). */
  declare readonly updatedAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: VpcEndpointConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.id) requireProperties("connection", args);
    const props: Record<string, unknown> = {
      ...Object.fromEntries(outputNames("connection").map((o) => [o, undefined])),
      ...args,
    };
    super(connectionProvider, name, props, opts, "vpcep", "VpcEndpointConnection");
  }
}
