/**
 * The VPCEP v1 client: REST + JSON under `/v1/{project_id}`, authenticated as the profile says. One
 * transport per (cloud, region, account, endpoint) is shared by every resource in the host process.
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { sharedTransport, type HttpMethod } from "../../core/http.js";
import rfc3986 from "../../core/rfc3986.js";
import { CloudApiError } from "../../core/errors.js";
import { classifier } from "./errors.js";
import type { VpcepV1Profile, VpcepV1Session } from "./profile.js";

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
  call<T>(request: VpcepV1Request): Promise<T>;
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

/** The session each shared transport signs with: the latest one its clients obtained. */
const sessions = new Map<string, VpcepV1Session>();

/** A client for one region of the profile's cloud; credentials are read now, a token on first call. */
export function createClient(
  profile: VpcepV1Profile,
  region: string,
  clock: Clock = systemClock,
): VpcepV1Client {
  const auth = profile.auth(region, clock);
  const base = (auth.endpoint ?? profile.defaultBaseUrl(region)).replace(/\/+$/, "");
  const key = `${profile.name}|${region}|${auth.account}|${base}`;
  const transport = sharedTransport(
    key,
    {
      cloud: profile.name,
      // Resends are signed again, with the session current then (a renewed token).
      sign: (request) => sessions.get(key)!.sign(request),
      classify: classifier(profile.name),
    },
    clock,
  );
  const send = async (request: VpcepV1Request) => {
    // Outside the resend below: a refused login (IAM 401) is not the gateway refusing a token.
    const session = await auth.session();
    sessions.set(key, session);
    const query = encodeQuery(request.query ?? {});
    const url = new URL(`${base}/v1/${session.projectId}${request.path}${query ? `?${query}` : ""}`);
    return transport.send({
      method: request.method,
      url,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      operation: request.operation,
      idempotent: request.idempotent ?? request.method !== "POST",
    });
  };
  return {
    cloud: profile.name,
    region,
    async call<T>(request: VpcepV1Request): Promise<T> {
      let response;
      try {
        response = await send(request);
      } catch (err) {
        // The gateway refused this call's credentials before the service saw it (not a refused
        // login, which is IAM's own operation), so sending it again with a new token is safe.
        const refusedHere =
          err instanceof CloudApiError &&
          err.details.httpStatus === 401 &&
          err.details.operation === request.operation;
        if (!(refusedHere && auth.refused?.())) throw err;
        response = await send(request);
      }
      return (response.body === "" ? {} : JSON.parse(response.body)) as T;
    },
  };
}
