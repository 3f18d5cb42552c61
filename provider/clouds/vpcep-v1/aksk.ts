/** AK/SK authentication of the VPCEP v1 family: every request is signed as it goes, no IAM call. */
import type { SignableRequest } from "../../core/http.js";
import type { VpcepV1Auth } from "./profile.js";

/** Permanent or temporary access keys and the project they act in. */
export interface AkSk {
  accessKey: string;
  secretKey: string;
  projectId: string;
  securityToken?: string | undefined;
  endpoint?: string | undefined;
}

/** An auth whose session is the keys themselves, signed by the cloud's signature form. */
export function akskAuth(keys: AkSk, sign: (request: SignableRequest, keys: AkSk) => void): VpcepV1Auth {
  const session = { projectId: keys.projectId, sign: (request: SignableRequest) => sign(request, keys) };
  return {
    account: `${keys.accessKey}|${keys.projectId}`,
    endpoint: keys.endpoint,
    session: () => Promise.resolve(session),
  };
}
