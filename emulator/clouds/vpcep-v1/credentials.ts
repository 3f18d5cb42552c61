/**
 * Credentials of the VPCEP v1 family: an AK/SK pair bound to one project of one account
 * (domain). Every cloud of the family uses this shape; each registration brings its own defaults.
 */
import type { CredentialKind } from "../../core/registration.js";

/** An AK/SK pair bound to one project of one account (domain). */
export interface VpcepV1Credential {
  accessKey: string;
  secretKey: string;
  /** 32 lowercase hex; the `{project_id}` of every path this key may call. */
  projectId: string;
  /** 32 lowercase hex; what endpoint-service permissions name (`iam:domain::<domainId>`). */
  domainId: string;
}

const HEX32 = /^[0-9a-f]{32}$/;

function field(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

/** The credential kind of the family, around one cloud's default accounts. */
export function vpcepV1CredentialKind<C extends VpcepV1Credential>(defaults: {
  readonly primary: C;
  readonly secondary: C;
}): CredentialKind<C> {
  return {
    defaults,
    keyOf: (credential) => credential.accessKey,
    tenantOf: (credential) => credential.projectId,
    parse(input) {
      const credential = {
        accessKey: field(input, "accessKey"),
        secretKey: field(input, "secretKey"),
        projectId: field(input, "projectId"),
        domainId: field(input, "domainId"),
      };
      if (!credential.accessKey || !credential.secretKey)
        throw new RangeError("accessKey and secretKey are required");
      if (!HEX32.test(credential.projectId))
        throw new RangeError("projectId must be 32 lowercase hex characters");
      if (!HEX32.test(credential.domainId))
        throw new RangeError("domainId must be 32 lowercase hex characters");
      return credential as C;
    },
    view: ({ accessKey, projectId, domainId }) => ({ accessKey, projectId, domainId }),
  };
}
