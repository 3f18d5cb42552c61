/**
 * The documented default credentials and the registry that maps keys to tenants. Each cloud's
 * registration says what its keys look like (its credential kind); this registry only stores
 * them by cloud. The keys are public on purpose: they only ever open the local emulator.
 */
import { REGISTRATIONS, type CloudName, type DefaultCredentials } from "./clouds/index.js";
import type { CredentialKind, CredentialScope } from "./core/registration.js";

/** The default credentials: a primary account per cloud and a second one for cross-account tests. */
export const EMULATOR_CREDENTIALS = Object.fromEntries(
  REGISTRATIONS.map((registration) => [registration.name, registration.credentials.defaults]),
) as DefaultCredentials;

/** Known keys; starts with each cloud's defaults, grows through `POST /_emulator/credentials`. */
export class CredentialRegistry {
  private readonly kinds: ReadonlyMap<string, CredentialKind<object>>;
  private readonly keys = new Map<string, Map<string, object>>();

  constructor(kinds: Iterable<readonly [CloudName, CredentialKind<object>]>) {
    this.kinds = new Map(kinds);
    this.reset();
  }

  /** Back to the documented defaults only. */
  reset(): void {
    this.keys.clear();
    for (const [cloud, kind] of this.kinds) {
      const keys = new Map<string, object>();
      for (const credential of Object.values(kind.defaults)) keys.set(kind.keyOf(credential), credential);
      this.keys.set(cloud, keys);
    }
  }

  /** Whether `cloud` has a credential kind here. */
  knows(cloud: string): cloud is CloudName {
    return this.kinds.has(cloud);
  }

  private kind(cloud: string): CredentialKind<object> {
    const kind = this.kinds.get(cloud);
    if (!kind) throw new RangeError(`unknown cloud "${cloud}"`);
    return kind;
  }

  /** Adds (or replaces) a key after the cloud's kind has checked it; throws RangeError otherwise. */
  add(cloud: string, input: Record<string, unknown>): void {
    const kind = this.kind(cloud);
    const credential = kind.parse(input);
    this.keys.get(cloud)!.set(kind.keyOf(credential), credential);
  }

  /** Typed lookups for one cloud's module. */
  scope<C extends object>(cloud: CloudName): CredentialScope<C> {
    const kind = this.kind(cloud) as CredentialKind<C>;
    const all = () => [...(this.keys.get(cloud)?.values() ?? [])] as C[];
    return {
      byKey: (key) => this.keys.get(cloud)?.get(key) as C | undefined,
      byTenant: (tenant) => all().find((credential) => kind.tenantOf(credential) === tenant),
      list: all,
      primary: () => kind.defaults.primary,
    };
  }

  /** Credentials added at runtime, by cloud (secrets included: only snapshots, which stay local, use this). */
  added(): Record<string, object[]> {
    const out: Record<string, object[]> = {};
    for (const [cloud, kind] of this.kinds) {
      const defaults = new Set(Object.values(kind.defaults).map((credential) => kind.keyOf(credential)));
      out[cloud] = [...this.keys.get(cloud)!.values()].filter((c) => !defaults.has(kind.keyOf(c)));
    }
    return out;
  }

  /** Every key without its secret, by cloud, for the control API. */
  view(): Record<string, Record<string, string>[]> {
    const out: Record<string, Record<string, string>[]> = {};
    for (const [cloud, kind] of this.kinds)
      out[cloud] = [...this.keys.get(cloud)!.values()].map((credential) => kind.view(credential));
    return out;
  }
}
