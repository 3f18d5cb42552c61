import * as pulumi from "@pulumi/pulumi";
import { outputNames, type CloudName } from "../provider/clouds/index.js";
import type { VpcEndpointArgs } from "./args.js";
import { guardTags, requireProperties } from "./common.js";
import { endpointProvider } from "./provider-stub.js";

export type { VpcEndpointArgs } from "./args.js";

/** Looks up an existing endpoint by id: `cloud` and `region` say where. */
export interface VpcEndpointLookup {
  cloud: pulumi.Input<CloudName>;
  region: pulumi.Input<string>;
}

/**
 * A VPC endpoint: a private address in your VPC that reaches an endpoint service.
 *
 * > **NOTE** Create waits until the cloud reports the endpoint ready (or, with `waitForAcceptance`,
 * > accepted by the service owner) and fails at once on `failed` or `rejected` with the cloud's reason.
 *
 * ## Example Usage
 * ### Huawei Cloud
 * ```ts
 * new VpcEndpoint("ep", {
 *   cloud: "huaweicloud", region: "cn-north-4",
 *   vpcId, subnetId, serviceId: service.id,
 *   whitelist: ["10.0.0.0/24"], tags: { team: "platform" },
 * });
 * ```
 * ### Tencent Cloud
 * ```ts
 * new VpcEndpoint("ep", {
 *   cloud: "tencentcloud", region: "ap-guangzhou", name: "orders",
 *   vpcId: "vpc-abcd1234", subnetId: "subnet-abcd1234", serviceId: "vpcsvc-abcd1234",
 *   securityGroupIds: ["sg-abcd1234"], timeouts: { create: "10m" },
 * });
 * ```
 * ## Import
 * The engine's `import` cannot reach dynamic resources: set `adoptId` to take over an existing
 * endpoint, or use `VpcEndpoint.get(name, id, { cloud, region })` to read one without managing it.
 */
export class VpcEndpoint extends pulumi.dynamic.Resource {
  /** The type token policies match on. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/vpcep:VpcEndpoint";

  /** Reads an existing endpoint without managing it. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state: VpcEndpointLookup,
    opts?: pulumi.CustomResourceOptions,
  ): VpcEndpoint {
    return new VpcEndpoint(name, state as unknown as VpcEndpointArgs, { ...opts, id });
  }

  /** True when `obj` is a VpcEndpoint, even across copies of this package. */
  static override isInstance(obj: unknown): obj is VpcEndpoint {
    return (
      obj !== null &&
      typeof obj === "object" &&
      (obj as { __pulumiType?: string }).__pulumiType === VpcEndpoint.__pulumiType
    );
  }

  /** The cloud: `huaweicloud`, `opentelekomcloud`, `tencentcloud` or `volcengine`. */
  declare readonly cloud: pulumi.Output<string>;
  /** The region. */
  declare readonly region: pulumi.Output<string>;
  /** The cloud's endpoint id (also the resource id). */
  declare readonly endpointId: pulumi.Output<string>;
  /** The cloud's raw status, e.g. `accepted` (Huawei) or `ACTIVE` (Tencent). */
  declare readonly status: pulumi.Output<string>;
  /** Normalised state: `creating`, `pendingAcceptance`, `available`, `rejected`, `failed`. */
  declare readonly state: pulumi.Output<string>;
  /**
   * Volcengine: the connection's own status (`PendingAcceptance`, `Connecting`, `Connected`,
   * `Rejected`, …). `status` `Available` alone does not mean connected; `state` reads both.
   */
  declare readonly connectionStatus: pulumi.Output<string | undefined>;
  /** Volcengine: `Normal`, or `FinancialLocked` when the account is in arrears. */
  declare readonly businessStatus: pulumi.Output<string | undefined>;
  /** The endpoint's private IPv4 address (Volcengine: the first zone's). */
  declare readonly privateIp: pulumi.Output<string>;
  /** Volcengine: each zone's subnet, address, network interface and DNS name. */
  declare readonly zoneAddresses: pulumi.Output<
    | {
        zoneId: string;
        subnetId: string;
        privateIp?: string;
        networkInterfaceId?: string;
        dnsName?: string;
      }[]
    | undefined
  >;
  /** Private DNS names (Huawei Cloud and OTC with `enableDns`; Volcengine's endpoint and zone domains). */
  declare readonly dnsNames: pulumi.Output<string[]>;
  /** The connected service's name as the cloud reports it. */
  declare readonly endpointServiceName: pulumi.Output<string>;
  /** The service's VIP (Tencent Cloud). */
  declare readonly serviceVip: pulumi.Output<string | undefined>;
  /** The VPC of the service's backend (Tencent Cloud). */
  declare readonly serviceVpcId: pulumi.Output<string | undefined>;
  /** The account (AppId) that owns the endpoint (Tencent Cloud). */
  declare readonly endpointOwner: pulumi.Output<string | undefined>;
  /** Huawei Cloud's packet marker id, as a decimal string (it exceeds 32 bits). */
  declare readonly markerId: pulumi.Output<string | undefined>;
  /** Creation time as the cloud reports it. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Time of the last change as the cloud reports it (Huawei Cloud). */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** Tags. */
  declare readonly tags: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: VpcEndpointArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.id) requireProperties("endpoint", args);
    const props: Record<string, unknown> = {
      ...Object.fromEntries(outputNames("endpoint").map((o) => [o, undefined])),
      ...args,
      ...(args.tags !== undefined ? { tags: guardTags(args.tags) } : {}),
    };
    super(endpointProvider, name, props, opts, "vpcep", "VpcEndpoint");
  }
}
