/**
 * What the policies know about each resource type they look at: where its addresses, network
 * references, tags, whitelist, exposure settings and port mappings live. Our own resources carry
 * their cloud in `cloud`, one of the clouds the provider's registry manages; the official
 * packages' resources are one cloud each.
 */
import { CLOUD_NAMES, type ResourceKind, type TagCloud } from "pulumi-vpcep/schema";
import { VpcEndpoint, VpcEndpointConnection, VpcEndpointService } from "pulumi-vpcep";

/** A cloud, or "from-props" for our resources, whose `cloud` input names it. */
export type CloudOf = TagCloud | "from-props";

/**
 * The values our resources' `cloud` input takes: the provider's registry, not a list kept here.
 * Typed as tag clouds, so a cloud added to the registry without tag limits fails to compile.
 */
const OUR_CLOUDS: ReadonlySet<TagCloud> = new Set<TagCloud>(CLOUD_NAMES);

/** A VPC; something inside one (subnet, extra CIDR block, route table); or a route. */
export type NetworkKind = "vpc" | "subnet" | "vpc-cidr" | "route-table" | "route";

export interface NetworkType {
  cloud: TagCloud;
  kind: NetworkKind;
  /** Paths of the address and CIDR properties, e.g. `cidr` or `routes[].destination`. */
  addressPaths: readonly string[];
  /** Where it names the network it belongs to: a VPC, or the route table of a route. */
  parentPaths?: readonly string[];
  /** Properties other resources reference it by, besides `id`. */
  idPaths?: readonly string[];
}

export interface EndpointType {
  cloud: CloudOf;
  kind: ResourceKind;
  /**
   * Addresses the endpoint itself occupies: its IPs, its zones' addresses. Not whitelist entries:
   * those are the client sources allowed in, judged by vpcep-endpoint-whitelist-not-open.
   */
  addressPaths: readonly string[];
  /** References to the VPC and subnets hosting it. */
  vpcPaths: readonly string[];
  subnetPaths: readonly string[];
  tags?: { path: string; shape: "map" | "list" };
  /** The endpoint's IP whitelist and the flag that turns it on. */
  whitelist?: { entries: string; enabled: string; enabledWhenUnset: "when-non-empty" | boolean };
  /** How an endpoint service decides who may connect. */
  exposure?: {
    /** The flag and which value lets anyone connect without approval. */
    approval: string;
    openWhen: boolean;
    /** The value the cloud takes when the flag is not set. */
    defaultValue: boolean;
    /** Lists of the accounts (or organizations) allowed to connect. */
    permissions: readonly string[];
  };
  /** The backend port a service forwards to and its mappings. */
  ports?: PortMappingFields;
  /** An endpoint's references to the service it connects to (its id, or its name). */
  servicePaths?: readonly string[];
  /**
   * Outputs that carry the resource's own id (or name) as others reference it; the engine never
   * puts the id itself in the properties.
   */
  idPaths?: readonly string[];
}

/**
 * A resource that decides on endpoints' connections to a service: ours (one endpoint each) and the
 * official packages' approval resources (a list of endpoints each).
 */
export interface ConnectionType {
  cloud: CloudOf;
  servicePath: string;
  /** The endpoint, or `<list>[]` for a list of endpoints. */
  endpointPath: string;
}

export interface PortMappingFields {
  portId: string;
  /** The list of mappings, and the fields inside each. */
  mappings: string;
  protocol: string;
  clientPort: string;
  serverPort: string;
  defaultProtocol: string;
}

export const OUR_ENDPOINT: EndpointType = {
  cloud: "from-props",
  kind: "endpoint",
  // Volcengine endpoints hold an address and a subnet per zone.
  addressPaths: ["privateIp", "zones[].privateIp"],
  vpcPaths: ["vpcId"],
  subnetPaths: ["subnetId", "zones[].subnetId"],
  tags: { path: "tags", shape: "map" },
  whitelist: { entries: "whitelist", enabled: "enableWhitelist", enabledWhenUnset: "when-non-empty" },
  // Volcengine endpoints may name their service instead of giving its id.
  servicePaths: ["serviceId", "serviceName"],
  idPaths: ["endpointId"],
};

export const OUR_ENDPOINT_SERVICE: EndpointType = {
  cloud: "from-props",
  kind: "endpointService",
  addressPaths: [],
  vpcPaths: ["vpcId"],
  subnetPaths: [],
  tags: { path: "tags", shape: "map" },
  exposure: {
    approval: "approvalRequired",
    openWhen: false,
    defaultValue: true,
    permissions: ["permissions"],
  },
  ports: {
    portId: "portId",
    mappings: "ports",
    protocol: "protocol",
    clientPort: "clientPort",
    serverPort: "serverPort",
    defaultProtocol: "TCP",
  },
  idPaths: ["serviceId", "endpointServiceName"],
};

/**
 * Endpoint and endpoint-service types by token: ours, then the official packages' (see
 * NOTES-official-packages.md for the sources). Types without a whitelist, tags or port mappings
 * (Tencent's, Volcengine's) are listed for their addresses and network references.
 */
export const ENDPOINT_TYPES: ReadonlyMap<string, EndpointType> = new Map<string, EndpointType>([
  [VpcEndpoint.__pulumiType, OUR_ENDPOINT],
  [VpcEndpointService.__pulumiType, OUR_ENDPOINT_SERVICE],
  [
    "huaweicloud:Vpcep/endpoint:Endpoint",
    {
      cloud: "huaweicloud",
      kind: "endpoint",
      addressPaths: ["ipAddress", "ipv6Address"],
      vpcPaths: ["vpcId"],
      subnetPaths: ["networkId"],
      tags: { path: "tags", shape: "map" },
      whitelist: { entries: "whitelists", enabled: "enableWhitelist", enabledWhenUnset: false },
      servicePaths: ["serviceId"],
    },
  ],
  [
    "huaweicloud:Vpcep/service:Service",
    {
      cloud: "huaweicloud",
      kind: "endpointService",
      addressPaths: [],
      vpcPaths: ["vpcId"],
      subnetPaths: [],
      tags: { path: "tags", shape: "map" },
      exposure: {
        approval: "approval",
        openWhen: false,
        defaultValue: false,
        permissions: ["permissions", "organizationPermissions"],
      },
      ports: {
        portId: "portId",
        mappings: "portMappings",
        protocol: "protocol",
        clientPort: "terminalPort",
        serverPort: "servicePort",
        defaultProtocol: "TCP",
      },
    },
  ],
  [
    "opentelekomcloud:index/vpcepEndpointV1:VpcepEndpointV1",
    {
      cloud: "opentelekomcloud",
      kind: "endpoint",
      addressPaths: ["portIp"],
      vpcPaths: ["vpcId"],
      subnetPaths: ["subnetId"],
      tags: { path: "tags", shape: "map" },
      whitelist: { entries: "whitelists", enabled: "enableWhitelist", enabledWhenUnset: false },
      servicePaths: ["serviceId"],
      // Dynamically bridged: the Terraform id is also an output named after the resource.
      idPaths: ["vpcepEndpointV1Id"],
    },
  ],
  [
    "opentelekomcloud:index/vpcepServiceV1:VpcepServiceV1",
    {
      cloud: "opentelekomcloud",
      kind: "endpointService",
      addressPaths: [],
      vpcPaths: ["vpcId"],
      subnetPaths: [],
      tags: { path: "tags", shape: "map" },
      exposure: {
        approval: "approvalEnabled",
        openWhen: false,
        defaultValue: true,
        permissions: ["whitelists"],
      },
      ports: {
        portId: "portId",
        mappings: "ports",
        protocol: "protocol",
        clientPort: "clientPort",
        serverPort: "serverPort",
        defaultProtocol: "TCP",
      },
      idPaths: ["vpcepServiceV1Id"],
    },
  ],
  [
    "tencentcloud:Vpc/endPoint:EndPoint",
    {
      cloud: "tencentcloud",
      kind: "endpoint",
      addressPaths: ["endPointVip"],
      vpcPaths: ["vpcId"],
      subnetPaths: ["subnetId"],
      servicePaths: ["endPointServiceId"],
    },
  ],
  [
    // Approval in the inverse sense (required, so never unset), and no inline permission list.
    "tencentcloud:Vpc/endPointService:EndPointService",
    {
      cloud: "tencentcloud",
      kind: "endpointService",
      addressPaths: [],
      vpcPaths: ["vpcId"],
      subnetPaths: [],
      exposure: { approval: "autoAcceptFlag", openWhen: true, defaultValue: false, permissions: [] },
    },
  ],
  [
    // The endpoint's VPC is an output only; its subnets and addresses live on its zones.
    "volcengine:privatelink/vpcEndpoint:VpcEndpoint",
    {
      cloud: "volcengine",
      kind: "endpoint",
      addressPaths: [],
      vpcPaths: ["vpcId"],
      subnetPaths: [],
      servicePaths: ["serviceId", "serviceName"],
      idPaths: ["endpointId"],
    },
  ],
  [
    // Approval in the inverse sense; the Terraform provider defaults it to false (approval
    // required), the API documents no default. Permissions are separate resources.
    "volcengine:privatelink/vpcEndpointService:VpcEndpointService",
    {
      cloud: "volcengine",
      kind: "endpointService",
      addressPaths: [],
      vpcPaths: [],
      subnetPaths: [],
      exposure: { approval: "autoAcceptEnabled", openWhen: true, defaultValue: false, permissions: [] },
      idPaths: ["serviceId"],
    },
  ],
  [
    "volcengine:privatelink/vpcEndpointZone:VpcEndpointZone",
    {
      cloud: "volcengine",
      kind: "endpoint",
      addressPaths: ["privateIpAddress"],
      vpcPaths: [],
      subnetPaths: ["subnetId"],
    },
  ],
]);

/** Our connection resource's token. */
export const OUR_CONNECTION_TOKEN = VpcEndpointConnection.__pulumiType;

/** Connection and approval types by token: ours, then the official packages'. */
export const CONNECTION_TYPES: ReadonlyMap<string, ConnectionType> = new Map<string, ConnectionType>([
  [OUR_CONNECTION_TOKEN, { cloud: "from-props", servicePath: "serviceId", endpointPath: "endpointId" }],
  [
    "huaweicloud:Vpcep/approval:Approval",
    { cloud: "huaweicloud", servicePath: "serviceId", endpointPath: "endpoints[]" },
  ],
  [
    "opentelekomcloud:index/vpcepApprovalV1:VpcepApprovalV1",
    { cloud: "opentelekomcloud", servicePath: "serviceId", endpointPath: "endpoints[]" },
  ],
  [
    "tencentcloud:Vpc/enableEndPointConnect:EnableEndPointConnect",
    { cloud: "tencentcloud", servicePath: "endPointServiceId", endpointPath: "endPointIds[]" },
  ],
  [
    "volcengine:privatelink/vpcEndpointConnection:VpcEndpointConnection",
    { cloud: "volcengine", servicePath: "serviceId", endpointPath: "endpointId" },
  ],
]);

const network = (
  cloud: TagCloud,
  kind: NetworkKind,
  addressPaths: readonly string[],
  parentPaths?: readonly string[],
  idPaths?: readonly string[],
): NetworkType => ({
  cloud,
  kind,
  addressPaths,
  ...(parentPaths ? { parentPaths } : {}),
  ...(idPaths ? { idPaths } : {}),
});

/** Volcengine's first SDK spelled the module `Vpc`; stacks created then still carry that token. */
const volcengine = (token: string, type: NetworkType): [string, NetworkType][] => [
  [`volcengine:vpc/${token}`, type],
  [`volcengine:Vpc/${token}`, type],
];

/** VPC, subnet, route table and route types of the official packages, by token. */
export const NETWORK_TYPES: ReadonlyMap<string, NetworkType> = new Map<string, NetworkType>([
  ["huaweicloud:Vpc/vpc:Vpc", network("huaweicloud", "vpc", ["cidr", "secondaryCidr", "secondaryCidrs[]"])],
  ["huaweicloud:Vpc/subnet:Subnet", network("huaweicloud", "subnet", ["cidr", "ipv6Cidr"], ["vpcId"])],
  [
    "huaweicloud:Vpc/routeTable:RouteTable",
    network("huaweicloud", "route-table", ["routes[].destination"], ["vpcId"]),
  ],
  [
    "huaweicloud:Vpc/route:Route",
    network("huaweicloud", "route", ["destination"], ["vpcId", "routeTableId"]),
  ],
  [
    "opentelekomcloud:index/vpcV1:VpcV1",
    network("opentelekomcloud", "vpc", ["cidr", "secondaryCidr"], undefined, ["vpcV1Id"]),
  ],
  [
    "opentelekomcloud:index/vpcSecondaryCidrV3:VpcSecondaryCidrV3",
    network("opentelekomcloud", "vpc-cidr", ["cidrs[]"], ["vpcId"]),
  ],
  [
    "opentelekomcloud:index/vpcSubnetV1:VpcSubnetV1",
    network("opentelekomcloud", "subnet", ["cidr", "ipv6Cidr"], ["vpcId"], ["vpcSubnetV1Id", "networkId"]),
  ],
  [
    "opentelekomcloud:index/vpcRouteTableV1:VpcRouteTableV1",
    network("opentelekomcloud", "route-table", ["routes[].destination"], ["vpcId"], ["vpcRouteTableV1Id"]),
  ],
  [
    "opentelekomcloud:index/vpcRouteTableRouteV1:VpcRouteTableRouteV1",
    network("opentelekomcloud", "route", ["destination"], ["vpcId", "routeTableId"]),
  ],
  [
    "opentelekomcloud:index/vpcRouteV2:VpcRouteV2",
    network("opentelekomcloud", "route", ["destination"], ["vpcId"]),
  ],
  ["tencentcloud:Vpc/instance:Instance", network("tencentcloud", "vpc", ["cidrBlock", "assistantCidrs[]"])],
  [
    "tencentcloud:Vpc/ipv6CidrBlock:Ipv6CidrBlock",
    network("tencentcloud", "vpc-cidr", ["ipv6CidrBlock"], ["vpcId"]),
  ],
  ["tencentcloud:Subnet/instance:Instance", network("tencentcloud", "subnet", ["cidrBlock"], ["vpcId"])],
  [
    "tencentcloud:Vpc/ipv6SubnetCidrBlock:Ipv6SubnetCidrBlock",
    network("tencentcloud", "vpc-cidr", ["ipv6SubnetCidrBlocks.ipv6CidrBlock"], ["vpcId"]),
  ],
  ["tencentcloud:Route/table:Table", network("tencentcloud", "route-table", [], ["vpcId"])],
  [
    "tencentcloud:Route/tableEntry:TableEntry",
    network("tencentcloud", "route", ["destinationCidrBlock"], ["routeTableId"]),
  ],
  ...volcengine(
    "vpc:Vpc",
    network("volcengine", "vpc", [
      "cidrBlock",
      "ipv6CidrBlock",
      "secondaryCidrBlocks[]",
      "auxiliaryCidrBlocks[]",
      "userCidrBlocks[]",
    ]),
  ),
  ...volcengine(
    "cidrBlockAssociate:CidrBlockAssociate",
    network("volcengine", "vpc-cidr", ["secondaryCidrBlock"], ["vpcId"]),
  ),
  // A Volcengine subnet's ipv6CidrBlock is a number (the /64's index), not an address.
  ...volcengine("subnet:Subnet", network("volcengine", "subnet", ["cidrBlock"], ["vpcId"])),
  ...volcengine("routeTable:RouteTable", network("volcengine", "route-table", [], ["vpcId"])),
  ...volcengine(
    "routeEntry:RouteEntry",
    network("volcengine", "route", ["destinationCidrBlock"], ["routeTableId"]),
  ),
]);

/**
 * The cloud a resource's rules come from; undefined when it cannot be told (yet): an unknown
 * `cloud` during preview, or a name the registry does not manage (the provider's check refuses it).
 */
export function cloudOf(type: EndpointType, cloudProp: unknown): TagCloud | undefined {
  if (type.cloud !== "from-props") return type.cloud;
  return OUR_CLOUDS.has(cloudProp as TagCloud) ? (cloudProp as TagCloud) : undefined;
}
