/**
 * Compliant resources as the policies receive them: our resources' inputs after the provider's own
 * check (so defaults and normalisation are real), and official-package resources with the property
 * names their SDKs use (policy/NOTES-official-packages.md). Each spec mutates one of these.
 *
 * Each factory takes `overrides`, laid over what check returned (unknowns, values check refuses),
 * and `inputs`, laid over the program's arguments before check: a value there must pass check, so
 * a spec shows that the provider lets it through and only the pack stops it.
 */
import { VpcEndpoint, VpcEndpointService } from "../../sdk/index.js";
import { checkInputs } from "../../provider/schema/check.js";
import type { ResourceKind } from "../../provider/schema/kinds.js";

export const ENDPOINT = VpcEndpoint.__pulumiType;
export const SERVICE = VpcEndpointService.__pulumiType;
/** `VpcEndpointConnection`'s token (issue 11): the same scheme as the other two. */
export const CONNECTION = "pulumi-nodejs:dynamic/vpcep:VpcEndpointConnection";

type Props = Record<string, unknown>;

/** The inputs as the provider's check leaves them; a baseline that fails check is a broken test. */
export function checked(kind: ResourceKind, props: Props): Props {
  const { inputs, failures } = checkInputs(kind, props);
  if (failures.length > 0) throw new Error(`baseline fails check: ${JSON.stringify(failures)}`);
  return inputs;
}

/** The program's arguments of each baseline, before check. */
export const HUAWEI_ENDPOINT_ARGS: Props = {
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
  subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
  serviceId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
  privateIp: "10.0.0.8",
  whitelist: ["10.0.0.0/24", "192.168.1.0/24"],
  tags: { team: "payments", env: "prod" },
};

export const HUAWEI_SERVICE_ARGS: Props = {
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
  portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
  serverType: "LB",
  ports: [{ clientPort: 443, serverPort: 8443 }],
  approvalRequired: true,
  permissions: ["*"],
  tags: { team: "platform", env: "prod" },
};

export const TENCENT_ENDPOINT_ARGS: Props = {
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-hj3he929",
  subnetId: "subnet-ab12cd34",
  serviceId: "vpcsvc-ab12cd34",
  name: "orders",
  privateIp: "10.1.0.9",
  tags: { team: "payments", env: "prod" },
};

export const TENCENT_SERVICE_ARGS: Props = {
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-hj3he929",
  serviceInstanceId: "lb-p1hiksdg",
  serviceName: "orders",
  approvalRequired: false,
  permissions: ["100000000001"],
  tags: { team: "platform", env: "prod" },
};

export const huaweiEndpoint = (overrides: Props = {}, inputs: Props = {}): Props => ({
  ...checked("endpoint", { ...HUAWEI_ENDPOINT_ARGS, ...inputs }),
  __provider: "exports.handler = __f0; // the serialized provider stub",
  ...overrides,
});

export const huaweiService = (overrides: Props = {}, inputs: Props = {}): Props => ({
  ...checked("endpointService", { ...HUAWEI_SERVICE_ARGS, ...inputs }),
  ...overrides,
});

export const tencentEndpoint = (overrides: Props = {}, inputs: Props = {}): Props => ({
  ...checked("endpoint", { ...TENCENT_ENDPOINT_ARGS, ...inputs }),
  ...overrides,
});

export const tencentService = (overrides: Props = {}, inputs: Props = {}): Props => ({
  ...checked("endpointService", { ...TENCENT_SERVICE_ARGS, ...inputs }),
  ...overrides,
});

export const VOLCENGINE_ENDPOINT_ARGS: Props = {
  cloud: "volcengine",
  region: "cn-guangzhou",
  vpcId: "vpc-13fpdgwk7rxfk3n6nu44wisg7",
  serviceId: "epsvc-2d72mvzvfvz5s58ozfe3v4nm3",
  securityGroupIds: ["sg-bp67acfmxazb4p0000000000"],
  zones: [{ zoneId: "cn-guangzhou-a", subnetId: "subnet-bp15zckdt37pq72zv0000", privateIp: "172.16.0.20" }],
  tags: { team: "payments", env: "prod" },
};

export const volcengineEndpoint = (overrides: Props = {}, inputs: Props = {}): Props => ({
  ...checked("endpoint", { ...VOLCENGINE_ENDPOINT_ARGS, ...inputs }),
  ...overrides,
});

/**
 * A VpcEndpointConnection's properties: its inputs (`cloud`, `region`, `serviceId`, `endpointId`,
 * `accepted`). Built by hand: the resource's check is not in this checkout yet (issue 11).
 */
export const ourConnection = (overrides: Props = {}): Props => ({
  cloud: "huaweicloud",
  region: "cn-north-4",
  serviceId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
  endpointId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
  accepted: true,
  __provider: "exports.handler = __f0; // the serialized provider stub",
  ...overrides,
});
