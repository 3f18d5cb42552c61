/** A VPCEP v1 profile as a cloud module: schemas, field rules, tag limits and backends. */
import { erase } from "../../resources/backend.js";
import type { CloudModule, ResourceArgs } from "../cloud-module.js";
import { NO_TAGS } from "../../schema/tags.js";
import { connectionUnsettled } from "../common-connection.js";
import { connectionBackend, connectionFields } from "./connection.js";
import { endpointBackend, endpointFields } from "./endpoint.js";
import { serviceBackend, serviceFields } from "./endpoint-service.js";
import type { VpcepV1Profile } from "./profile.js";
import { connectionSchema, endpointSchema, endpointServiceSchema } from "./schema.js";

const ENDPOINT_OUTPUTS = [
  "endpointId",
  "status",
  "state",
  "privateIp",
  "dnsNames",
  "endpointServiceName",
  "markerId",
  "createdAt",
  "updatedAt",
] as const;
const SERVICE_OUTPUTS = [
  "serviceId",
  "status",
  "state",
  "endpointServiceName",
  "connections",
  "createdAt",
  "updatedAt",
] as const;
const CONNECTION_OUTPUTS = [
  "status",
  "state",
  "endpointOwner",
  "markerId",
  "createdAt",
  "updatedAt",
] as const;

/**
 * Both VPCEP v1 APIs document "It takes 1 to 2 minutes" to create and to delete an endpoint and an
 * endpoint service (Huawei API reference CreateEndpoint, DeleteEndpoint, CreateEndpointService,
 * DeleteEndpointService; OTC API reference vpcep_06_0303/0305, vpcep_06_0201/0204).
 */
const ONE_TO_TWO_MINUTES = { fromMs: 60_000, toMs: 120_000 };
const PROVISIONING = { create: ONE_TO_TWO_MINUTES, delete: ONE_TO_TWO_MINUTES };

export function vpcepV1Module<Name extends string, Args extends ResourceArgs>(
  profile: VpcepV1Profile<Name>,
): CloudModule<Name, Args> {
  return {
    name: profile.name,
    label: profile.label,
    settings: profile.settings,
    resources: {
      endpoint: {
        schema: endpointSchema(profile),
        fields: endpointFields(profile),
        tags: profile.tags.endpoint,
        outputs: ENDPOINT_OUTPUTS,
        provisioning: PROVISIONING,
        backend: ({ region }) => erase(endpointBackend(profile, region)),
      },
      endpointService: {
        schema: endpointServiceSchema(profile),
        fields: serviceFields(profile),
        tags: profile.tags.endpointService,
        outputs: SERVICE_OUTPUTS,
        provisioning: PROVISIONING,
        backend: ({ region }) => erase(serviceBackend(profile, region)),
      },
      connection: {
        schema: connectionSchema(profile),
        fields: connectionFields,
        tags: NO_TAGS,
        outputs: CONNECTION_OUTPUTS,
        unsettled: connectionUnsettled,
        backend: ({ region, accepted }) => erase(connectionBackend(profile, region, accepted === true)),
      },
    },
  };
}
