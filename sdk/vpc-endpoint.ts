import * as pulumi from "@pulumi/pulumi";
import { requireProperties, type CommonArgs } from "./common.js";
import { endpointProvider } from "./provider-stub.js";

/** A VPC endpoint on Huawei Cloud. */
export interface HuaweiVpcEndpointArgs extends CommonArgs {
  cloud: "huaweicloud";
  /** VPC of the endpoint (UUID). Replaces. */
  vpcId: pulumi.Input<string>;
  /** Subnet the endpoint's address comes from (UUID); its CIDR must not overlap 198.19.128.0/17. Replaces. */
  subnetId: pulumi.Input<string>;
  /** The endpoint service to connect to (UUID). Replaces. */
  serviceId: pulumi.Input<string>;
  /** Fixed private IPv4 address (`port_ip`); assigned by the cloud when absent. Replaces. */
  privateIp?: pulumi.Input<string>;
  /** Create a private DNS name. Defaults to `false`. Replaces. */
  enableDns?: pulumi.Input<boolean>;
  /** IPv4 addresses or CIDRs allowed to use the endpoint (at most 20). Updates in place. */
  whitelist?: pulumi.Input<pulumi.Input<string>[]>;
  /** Enforce the whitelist. Defaults to `true` when a whitelist is given, else `false`. Updates in place. */
  enableWhitelist?: pulumi.Input<boolean>;
  /** At most 128 characters, no `<` or `>`. Defaults to "". Replaces. */
  description?: pulumi.Input<string>;
  /**
   * When the service requires approval, wait in `pendingAcceptance` until the owner accepts.
   * Defaults to `false`: the endpoint is ready once the cloud accepted the request.
   */
  waitForAcceptance?: pulumi.Input<boolean>;
}

/** A VPC endpoint on Tencent Cloud. */
export interface TencentVpcEndpointArgs extends CommonArgs {
  cloud: "tencentcloud";
  /** VPC of the endpoint (`vpc-…`). Replaces. */
  vpcId: pulumi.Input<string>;
  /** Subnet of the endpoint (`subnet-…`). Replaces. */
  subnetId: pulumi.Input<string>;
  /** The endpoint service to connect to (`vpcsvc-…`). Replaces. */
  serviceId: pulumi.Input<string>;
  /** Endpoint name, at most 60 characters. Updates in place. */
  name: pulumi.Input<string>;
  /** Fixed VIP (`EndPointVip`); assigned by the cloud when absent. Replaces. */
  privateIp?: pulumi.Input<string>;
  /** Security groups (`sg-…`, at most 5), a set. Updates in place. */
  securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** When the service requires approval, wait until the owner accepts. Defaults to `false`. */
  waitForAcceptance?: pulumi.Input<boolean>;
}

/** Arguments of `VpcEndpoint`, discriminated on `cloud`. Tags on Tencent Cloud replace the endpoint. */
export type VpcEndpointArgs = HuaweiVpcEndpointArgs | TencentVpcEndpointArgs;

/** Looks up an existing endpoint by id: `cloud` and `region` say where. */
export interface VpcEndpointLookup {
  cloud: pulumi.Input<"huaweicloud" | "tencentcloud">;
  region: pulumi.Input<string>;
}

const OUTPUTS = [
  "endpointId",
  "status",
  "state",
  "privateIp",
  "dnsNames",
  "endpointServiceName",
  "serviceVip",
  "markerId",
  "createdAt",
] as const;

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

  /** The cloud: `huaweicloud` or `tencentcloud`. */
  declare readonly cloud: pulumi.Output<string>;
  /** The region. */
  declare readonly region: pulumi.Output<string>;
  /** The cloud's endpoint id (also the resource id). */
  declare readonly endpointId: pulumi.Output<string>;
  /** The cloud's raw status, e.g. `accepted` (Huawei) or `ACTIVE` (Tencent). */
  declare readonly status: pulumi.Output<string>;
  /** Normalised state: `creating`, `pendingAcceptance`, `available`, `rejected`, `failed`. */
  declare readonly state: pulumi.Output<string>;
  /** The endpoint's private IPv4 address. */
  declare readonly privateIp: pulumi.Output<string>;
  /** Private DNS names (Huawei Cloud with `enableDns`); empty otherwise. */
  declare readonly dnsNames: pulumi.Output<string[]>;
  /** The connected service's name as the cloud reports it. */
  declare readonly endpointServiceName: pulumi.Output<string>;
  /** The service's VIP (Tencent Cloud). */
  declare readonly serviceVip: pulumi.Output<string | undefined>;
  /** Huawei Cloud's packet marker id, as a decimal string (it exceeds 32 bits). */
  declare readonly markerId: pulumi.Output<string | undefined>;
  /** Creation time as the cloud reports it. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Tags. */
  declare readonly tags: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: VpcEndpointArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.id) {
      requireProperties(args, ["cloud", "region", "vpcId", "subnetId", "serviceId"]);
      if (args.cloud === "tencentcloud") requireProperties(args, ["name"]);
    }
    const props: Record<string, unknown> = {
      ...Object.fromEntries(OUTPUTS.map((o) => [o, undefined])),
      ...args,
    };
    super(endpointProvider, name, props, opts, "vpcep", "VpcEndpoint");
  }
}
