/**
 * The cloud registry: the one list of clouds the emulator serves. Adding a cloud is a folder
 * beside these and one line in `CLOUD_REGISTRATIONS`; the cloud names, the default credentials,
 * the provider config, the CLI variables and the per-cloud start options all derive from it.
 */
import type { CloudRegistration } from "../core/registration.js";
import { huaweicloud } from "./huaweicloud/index.js";
import { opentelekomcloud } from "./opentelekomcloud/index.js";
import { tencentcloud } from "./tencentcloud/index.js";
import { volcengine } from "./volcengine/index.js";

/** Every registered cloud, in the order ports are printed. */
export const CLOUD_REGISTRATIONS = [huaweicloud, tencentcloud, opentelekomcloud, volcengine] as const;

type Registration = (typeof CLOUD_REGISTRATIONS)[number];

/** The clouds this emulator speaks. */
export type CloudName = Registration["name"];

/** The registrations for code that treats every cloud alike. */
export const REGISTRATIONS: readonly CloudRegistration<CloudName>[] = CLOUD_REGISTRATIONS;

/** Every cloud, in the order ports are printed. */
export const CLOUDS: readonly CloudName[] = REGISTRATIONS.map((registration) => registration.name);

/** The registration of one cloud. */
export function registrationOf(name: CloudName): CloudRegistration<CloudName> {
  return REGISTRATIONS.find((registration) => registration.name === name)!;
}

/** The documented default accounts, keyed by cloud (`EMULATOR_CREDENTIALS`). */
export type DefaultCredentials = { [R in Registration as R["name"]]: R["credentials"]["defaults"] };

type OptionsOf<R> = R extends CloudRegistration<string, object, infer O> ? O : never;

/** Per-cloud start options by cloud name (`startEmulator({ cloudOptions })`). */
export type CloudOptions = {
  [R in Registration as R["name"]]?: Partial<{ [K in keyof OptionsOf<R>]: string }>;
};

type AliasOf<S> = S extends { alias: infer A extends string } ? A : never;
type AliasesOf<R> = R extends unknown
  ? { [K in keyof OptionsOf<R>]: AliasOf<OptionsOf<R>[K]> }[keyof OptionsOf<R>]
  : never;

/** Top-level `startEmulator` options that clouds keep for compatibility (each sets one cloud option). */
export type CloudOptionAliases = { [A in AliasesOf<Registration>]?: string };
