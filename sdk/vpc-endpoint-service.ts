import * as pulumi from "@pulumi/pulumi";
import { outputNames, type CloudName } from "../provider/clouds/index.js";
import type { VpcEndpointServiceArgs } from "./args.js";
import { guardTags, requireProperties } from "./common.js";
import { endpointServiceProvider } from "./provider-stub.js";

export type { VpcEndpointServiceArgs } from "./args.js";
export type { PortMapping } from "../provider/clouds/vpcep-v1/args.js";

export interface VpcEndpointServiceLookup {
  cloud: pulumi.Input<CloudName>;
  region: pulumi.Input<string>;
}

/**
 * A VPC endpoint service: exposes a backend (load balancer, VM) in your VPC to endpoints in other
 * VPCs and accounts.
 *
 * > **NOTE** Create waits until the service is `available` and fails at once on `failed` with the
 * > cloud's reason (for example a port mapping that another service on the same port already uses).
 *
 * ## Example Usage
 * ### Huawei Cloud
 * ```ts
 * new VpcEndpointService("svc", {
 *   cloud: "huaweicloud", region: "cn-north-4", vpcId, portId, serverType: "LB",
 *   ports: [{ clientPort: 443, serverPort: 8443 }],
 *   approvalRequired: true, permissions: ["iam:domain::0123456789abcdef0123456789abcdef"],
 * });
 * ```
 * ### Tencent Cloud
 * ```ts
 * new VpcEndpointService("svc", {
 *   cloud: "tencentcloud", region: "ap-guangzhou", vpcId: "vpc-abcd1234",
 *   serviceInstanceId: "lb-abcd1234", serviceName: "orders", permissions: ["100000000002"],
 * });
 * ```
 * ## Import
 * Set `adoptId` to take over an existing service, or `VpcEndpointService.get(name, id, { cloud, region })`
 * to read one without managing it.
 */
export class VpcEndpointService extends pulumi.dynamic.Resource {
  /** The type token policies match on. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/vpcep:VpcEndpointService";

  /** Reads an existing service without managing it. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state: VpcEndpointServiceLookup,
    opts?: pulumi.CustomResourceOptions,
  ): VpcEndpointService {
    return new VpcEndpointService(name, state as unknown as VpcEndpointServiceArgs, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is VpcEndpointService {
    return (
      obj !== null &&
      typeof obj === "object" &&
      (obj as { __pulumiType?: string }).__pulumiType === VpcEndpointService.__pulumiType
    );
  }

  /** The cloud: `huaweicloud`, `opentelekomcloud`, `tencentcloud` or `volcengine`. */
  declare readonly cloud: pulumi.Output<string>;
  /** The region. */
  declare readonly region: pulumi.Output<string>;
  /** The cloud's service id (also the resource id). */
  declare readonly serviceId: pulumi.Output<string>;
  /** The cloud's raw status (`available` on Huawei; Tencent has none and reports `AVAILABLE`). */
  declare readonly status: pulumi.Output<string>;
  /** Normalised state: `creating`, `available`, `failed`. */
  declare readonly state: pulumi.Output<string>;
  /** The name consumers connect with: `{region}.{name}.{id}` on Huawei Cloud, the service name on Tencent Cloud. */
  declare readonly endpointServiceName: pulumi.Output<string>;
  /** Volcengine: the service's own DNS domain. */
  declare readonly serviceDomain: pulumi.Output<string | undefined>;
  /** Volcengine: the zones the service's backends serve. */
  declare readonly zoneIds: pulumi.Output<string[] | undefined>;
  /** Volcengine: `Normal`, or `FinancialLocked` when the account is in arrears. */
  declare readonly businessStatus: pulumi.Output<string | undefined>;
  /** The service's VIP (Tencent Cloud). */
  declare readonly serviceVip: pulumi.Output<string | undefined>;
  /** The account (AppId) that owns the service (Tencent Cloud). */
  declare readonly serviceOwner: pulumi.Output<string | undefined>;
  /** Creation time as the cloud reports it. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Time of the last change as the cloud reports it (Huawei Cloud). */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /**
   * The endpoints connected to the service or waiting for its owner, whichever account owns them,
   * read from the service's side and paged to the end: each endpoint's id, its owner's account
   * (Huawei/OTC domain id, Tencent AppId, Volcengine account id) and its normalised state
   * (`pendingAcceptance`, `accepted`, `rejected`, …). Recorded at create, update and refresh (not
   * live): run `pulumi refresh` to see endpoints that arrived since.
   */
  declare readonly connections: pulumi.Output<{ endpointId: string; endpointOwner: string; state: string }[]>;
  /** Allowed accounts, sorted. */
  declare readonly permissions: pulumi.Output<string[]>;
  /** Whether endpoints wait for approval. */
  declare readonly approvalRequired: pulumi.Output<boolean>;
  /** Tags. */
  declare readonly tags: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: VpcEndpointServiceArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.id) requireProperties("endpointService", args);
    const props: Record<string, unknown> = {
      ...Object.fromEntries(outputNames("endpointService").map((o) => [o, undefined])),
      ...args,
      ...(args.tags !== undefined ? { tags: guardTags(args.tags) } : {}),
    };
    super(endpointServiceProvider, name, props, opts, "vpcep", "VpcEndpointService");
  }
}
