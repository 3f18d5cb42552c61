/**
 * The VPCEP v1 client: REST + JSON under `/v1/{project_id}`, signed as the profile says. One
 * transport per (cloud, region, account, endpoint) is shared by every resource in the host process.
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { sharedTransport, type HttpMethod } from "../../core/http.js";
import rfc3986 from "../../core/rfc3986.js";
import { readSettings } from "../../core/settings.js";
import { classifier } from "./errors.js";
import type { VpcepV1Credentials, VpcepV1Profile } from "./profile.js";

export interface VpcepV1Request {
  method: HttpMethod;
  /** Path below `/v1/{project_id}`, e.g. `/vpc-endpoints/<id>`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  operation: string;
  idempotent?: boolean;
}

export interface VpcepV1Client {
  cloud: string;
  region: string;
  projectId: string;
  call<T>(request: VpcepV1Request): Promise<T>;
}

/** The profile's credentials, read now (at call time, in the host). */
export function credentialsOf(profile: VpcepV1Profile): VpcepV1Credentials {
  return readSettings(profile.settings);
}

/**
 * The query string, encoded by the same RFC 3986 rules the signer canonicalises with (a space is
 * `%20`, never `+`), so the signed and the sent query cannot differ.
 */
export function encodeQuery(query: Record<string, string | number | undefined>): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(String(value))}`)
    .join("&");
}

/** A client for one region of the profile's cloud. */
export function createClient(
  profile: VpcepV1Profile,
  region: string,
  clock: Clock = systemClock,
): VpcepV1Client {
  const credentials = credentialsOf(profile);
  const base = (credentials.endpoint ?? profile.defaultBaseUrl(region)).replace(/\/+$/, "");
  const key = `${profile.name}|${region}|${credentials.accessKey}|${credentials.projectId}|${base}`;
  const transport = sharedTransport(
    key,
    {
      cloud: profile.name,
      sign: profile.signer(credentials, region, clock),
      classify: classifier(profile.name),
    },
    clock,
  );
  return {
    cloud: profile.name,
    region,
    projectId: credentials.projectId,
    async call<T>(request: VpcepV1Request): Promise<T> {
      const query = encodeQuery(request.query ?? {});
      const url = new URL(`${base}/v1/${credentials.projectId}${request.path}${query ? `?${query}` : ""}`);
      const response = await transport.send({
        method: request.method,
        url,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        operation: request.operation,
        idempotent: request.idempotent ?? request.method !== "POST",
      });
      return (response.body === "" ? {} : JSON.parse(response.body)) as T;
    },
  };
}
