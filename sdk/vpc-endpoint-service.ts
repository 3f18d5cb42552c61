import * as pulumi from "@pulumi/pulumi";
import { requireProperties, type CommonArgs } from "./common.js";
import { endpointServiceProvider } from "./provider-stub.js";

/** One port mapping of a Huawei Cloud endpoint service. */
export interface PortMapping {
  /** Port the endpoint listens on, 1–65535. */
  clientPort: pulumi.Input<number>;
  /** Port of the backend, 1–65535. */
  serverPort: pulumi.Input<number>;
  /** `TCP` (default) or `UDP`. */
  protocol?: pulumi.Input<"TCP" | "UDP">;
}

/** An endpoint service on Huawei Cloud. */
export interface HuaweiVpcEndpointServiceArgs extends CommonArgs {
  cloud: "huaweicloud";
  /** VPC of the backend (UUID); its CIDR must not overlap 198.19.128.0/17. Replaces. */
  vpcId: pulumi.Input<string>;
  /** Backend port: the load balancer's `vip_port_id` (LB) or the ECS NIC id (VM). Updates in place. */
  portId: pulumi.Input<string>;
  /** `LB`, `VM` or `VIP`. Replaces. */
  serverType: pulumi.Input<"LB" | "VM" | "VIP">;
  /** Port mappings, a set (1–200, no duplicate client port per protocol). Updates in place. */
  ports: pulumi.Input<pulumi.Input<PortMapping>[]>;
  /** Short name, 1–16 letters, digits, `_`, `-`. Consumers see `{region}.{name}.{id}`. Updates in place. */
  serviceName?: pulumi.Input<string>;
  /** Endpoints wait for the owner's approval. Defaults to `true` (the API's default). Updates in place. */
  approvalRequired?: pulumi.Input<boolean>;
  /** Accounts allowed to connect: `iam:domain::<domain id>`, `organizations:orgPath::<path>` or `*`; a set. Updates in place. */
  permissions?: pulumi.Input<pulumi.Input<string>[]>;
  /** At most 128 characters, no `<` or `>`. Defaults to "". Updates in place. */
  description?: pulumi.Input<string>;
  /** Client address passing: `close` (default), `toa_open`, `proxy_open`, `open`, `proxy_vni`. Updates in place. */
  tcpProxy?: pulumi.Input<"close" | "toa_open" | "proxy_open" | "open" | "proxy_vni">;
  /** Virtual NIC of a virtual IP (UUID). Updates in place. */
  vipPortId?: pulumi.Input<string>;
}

/** An endpoint service on Tencent Cloud. */
export interface TencentVpcEndpointServiceArgs extends CommonArgs {
  cloud: "tencentcloud";
  /** VPC of the backend (`vpc-…`). Replaces. */
  vpcId: pulumi.Input<string>;
  /** Backend instance, e.g. a CLB id `lb-…`. Updates in place. */
  serviceInstanceId: pulumi.Input<string>;
  /** `CLB` (default), `CDB`, `CRS` or `GWLB`. Replaces. */
  serviceType?: pulumi.Input<"CLB" | "CDB" | "CRS" | "GWLB">;
  /** Service name, at most 60 characters. Updates in place. */
  serviceName: pulumi.Input<string>;
  /** Endpoints wait for the owner's approval (`AutoAcceptFlag` false). Defaults to `true`. Updates in place. */
  approvalRequired?: pulumi.Input<boolean>;
  /** Account UINs allowed to connect (the service whitelist), a set. Updates in place. */
  permissions?: pulumi.Input<pulumi.Input<string>[]>;
}

/** Arguments of `VpcEndpointService`, discriminated on `cloud`. Tags on Tencent Cloud replace the service. */
export type VpcEndpointServiceArgs = HuaweiVpcEndpointServiceArgs | TencentVpcEndpointServiceArgs;

export interface VpcEndpointServiceLookup {
  cloud: pulumi.Input<"huaweicloud" | "tencentcloud">;
  region: pulumi.Input<string>;
}

const OUTPUTS = ["serviceId", "status", "state", "endpointServiceName", "serviceVip", "createdAt"] as const;

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

  /** The cloud: `huaweicloud` or `tencentcloud`. */
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
  /** The service's VIP (Tencent Cloud). */
  declare readonly serviceVip: pulumi.Output<string | undefined>;
  /** Creation time as the cloud reports it. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Allowed accounts, sorted. */
  declare readonly permissions: pulumi.Output<string[]>;
  /** Whether endpoints wait for approval. */
  declare readonly approvalRequired: pulumi.Output<boolean>;
  /** Tags. */
  declare readonly tags: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: VpcEndpointServiceArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.id) {
      requireProperties(args, ["cloud", "region", "vpcId"]);
      if (args.cloud === "tencentcloud") requireProperties(args, ["serviceInstanceId", "serviceName"]);
      else requireProperties(args, ["portId", "serverType", "ports"]);
    }
    const props: Record<string, unknown> = {
      ...Object.fromEntries(OUTPUTS.map((o) => [o, undefined])),
      ...args,
    };
    super(endpointServiceProvider, name, props, opts, "vpcep", "VpcEndpointService");
  }
}
