/**
 * Credentials of the VPCEP v1 family: an AK/SK pair bound to one project of one account
 * (domain). Every cloud of the family uses this shape; each registration brings its own defaults.
 * Clouds whose profile serves a Keystone IAM (`features.keystoneTokens`) also give the key's IAM
 * user a password, so that the same account can log in.
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

/** The IAM user behind a key, for `POST /v3/auth/tokens` with the password method. */
export interface V1PasswordLogin {
  userName: string;
  password: string;
  /** The account (domain) name the user logs in to. */
  domainName: string;
  /** The name of the key's project (the region, e.g. `eu-de`, or a sub-project `eu-de_<sub>`). */
  projectName: string;
}

/** A credential whose user may also log in with a password. */
export type VpcepV1LoginCredential = VpcepV1Credential & Partial<V1PasswordLogin>;

const HEX32 = /^[0-9a-f]{32}$/;
const LOGIN_FIELDS = ["userName", "password", "domainName", "projectName"] as const;

function field(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

/** Whether a credential carries a complete password login. */
export function hasLogin(
  credential: VpcepV1LoginCredential,
): credential is VpcepV1Credential & V1PasswordLogin {
  return LOGIN_FIELDS.every((name) => typeof credential[name] === "string" && credential[name] !== "");
}

/**
 * The credential kind of the family, around one cloud's default accounts. With `passwordLogin`,
 * `POST /_emulator/credentials` also needs `userName`, `password`, `domainName` and `projectName`,
 * and the view shows them without the password.
 */
export function vpcepV1CredentialKind<C extends VpcepV1LoginCredential>(
  defaults: { readonly primary: C; readonly secondary: C },
  options: { passwordLogin?: boolean } = {},
): CredentialKind<C> {
  return {
    defaults,
    keyOf: (credential) => credential.accessKey,
    tenantOf: (credential) => credential.projectId,
    parse(input) {
      const credential: VpcepV1LoginCredential = {
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
      if (options.passwordLogin) {
        for (const name of LOGIN_FIELDS) {
          if (field(input, name) === "") throw new RangeError(`${name} is required`);
          credential[name] = field(input, name);
        }
      }
      return credential as C;
    },
    view: (credential): Record<string, string> => {
      const { accessKey, projectId, domainId } = credential;
      if (!options.passwordLogin || !hasLogin(credential)) return { accessKey, projectId, domainId };
      const { userName, domainName, projectName } = credential;
      return { accessKey, projectId, domainId, userName, domainName, projectName };
    },
  };
}
