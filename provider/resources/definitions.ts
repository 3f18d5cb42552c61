/** The two resource kinds: schema plus the backend for each cloud. */
import {
  endpointFields as huaweiEndpointFields,
  huaweiEndpointBackend,
} from "../clouds/huaweicloud/endpoint.js";
import {
  huaweiServiceBackend,
  serviceFields as huaweiServiceFields,
} from "../clouds/huaweicloud/endpoint-service.js";
import {
  endpointFields as tencentEndpointFields,
  tencentEndpointBackend,
} from "../clouds/tencentcloud/endpoint.js";
import {
  serviceFields as tencentServiceFields,
  tencentServiceBackend,
} from "../clouds/tencentcloud/endpoint-service.js";
import { endpointSchema } from "../schema/endpoint.js";
import { endpointServiceSchema } from "../schema/endpoint-service.js";
import type { ResourceDefinition } from "./lifecycle.js";

type BackendOf = ResourceDefinition["backend"];

export const endpointDefinition: ResourceDefinition = {
  kind: "endpoint",
  kindLabel: "VPC endpoint",
  schema: endpointSchema,
  fields: { huaweicloud: huaweiEndpointFields, tencentcloud: tencentEndpointFields },
  backend: ((cloud, region) =>
    cloud === "huaweicloud" ? huaweiEndpointBackend(region) : tencentEndpointBackend(region)) as BackendOf,
};

export const endpointServiceDefinition: ResourceDefinition = {
  kind: "endpointService",
  kindLabel: "VPC endpoint service",
  schema: endpointServiceSchema,
  fields: { huaweicloud: huaweiServiceFields, tencentcloud: tencentServiceFields },
  backend: ((cloud, region) =>
    cloud === "huaweicloud" ? huaweiServiceBackend(region) : tencentServiceBackend(region)) as BackendOf,
};
