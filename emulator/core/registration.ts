/**
 * What a cloud hands the emulator so that it can be served: its name, how its wire module is
 * built, its kind of credentials, its `vpcep:*` provider config keys, its CLI variables and its
 * start options. The entry points iterate registrations (`emulator/clouds/index.ts`); nothing
 * outside a cloud's folder names that cloud.
 */
import type { CloudModule } from "./cloud-module.js";
import type { EmulatorState } from "./state.js";

/** How one cloud's keys look, are checked and are shown. */
export interface CredentialKind<C extends object> {
  /** The documented default accounts (a second one for cross-account tests). */
  readonly defaults: { readonly primary: C; readonly secondary: C };
  /** The key id a signature names (access key, SecretId). */
  keyOf(credential: C): string;
  /** The tenant the key acts for (project id, account UIN). */
  tenantOf(credential: C): string;
  /** Checks control-API or snapshot input and returns a credential; throws RangeError naming the field. */
  parse(input: Record<string, unknown>): C;
  /** The credential without its secret, for `GET /_emulator/credentials`. */
  view(credential: C): Record<string, string>;
}

/** The lookups a module gets for its own cloud's keys (defaults plus keys added at runtime). */
export interface CredentialScope<C extends object> {
  byKey(key: string): C | undefined;
  byTenant(tenant: string): C | undefined;
  /** Every key of the cloud (e.g. to find the user a password login names). */
  list(): C[];
  /** The primary default account (e.g. the tenant of unsigned requests when auth is off). */
  primary(): C;
}

/** One string-valued start option of a cloud, e.g. the region of requests whose Host names none. */
export interface CloudOptionSpec {
  description: string;
  default: string;
  /** The CLI environment variable that sets it. */
  env?: string;
  /** A top-level `startEmulator` option that sets it too (kept for compatibility). */
  alias?: string;
  /** Throws RangeError for a value the cloud cannot use. */
  validate?(value: string): void;
}

/** A cloud's start options by name. */
export type CloudOptionSpecs = Readonly<Record<string, CloudOptionSpec>>;

/** Resolved option values, as a module factory receives them. */
export type CloudOptionValues<O extends CloudOptionSpecs> = { [K in keyof O]: string };

/** What a module factory is given. */
export interface ModuleInit<C extends object, O extends CloudOptionSpecs> {
  state: EmulatorState;
  credentials: CredentialScope<C>;
  options: CloudOptionValues<O>;
}

/** The provider's stack config for one cloud. */
export interface ProviderConfigSpec<C extends object> {
  /** `vpcep:*` keys pointing the provider at `url` with one account. */
  entries(url: string, credential: C): Record<string, string>;
  /** Which of those keys hold secrets (`pulumi config set --secret`). */
  readonly secretKeys: readonly string[];
}

/** How the CLI serves a cloud. */
export interface CliSpec {
  /** Environment variable holding the port. */
  portVariable: string;
  defaultPort: number;
}

/** One servable cloud. */
export interface CloudRegistration<
  Name extends string = string,
  C extends object = object,
  O extends CloudOptionSpecs = CloudOptionSpecs,
> {
  readonly name: Name;
  /** Human name of the emulated API, for `--help` and the CLI variables (e.g. "… Cloud VPCEP"). */
  readonly label: string;
  readonly credentials: CredentialKind<C>;
  readonly providerConfig: ProviderConfigSpec<C>;
  readonly cli: CliSpec;
  readonly options: O;
  createModule(init: ModuleInit<C, O>): CloudModule;
}

/** Declares a registration, keeping its name and option names as literal types. */
export function defineCloud<const Name extends string, C extends object, const O extends CloudOptionSpecs>(
  registration: CloudRegistration<Name, C, O>,
): CloudRegistration<Name, C, O> {
  return registration;
}
