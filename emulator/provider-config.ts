/**
 * Stack config that points pulumi-vpcep's provider at a running emulator: each registered cloud
 * contributes its documented `vpcep:*` keys.
 */
import { REGISTRATIONS, type CloudName } from "./clouds/index.js";

/**
 * `vpcep:*` config keys (endpoints and credentials) for one of the emulator's accounts; set them
 * with `pulumi config set` (the secret keys with `--secret`) or pass them to the Automation API.
 * A cloud without a URL gets an empty endpoint.
 */
export function providerConfig(
  urls: Partial<Record<CloudName, string>>,
  account: "primary" | "secondary" = "primary",
): Record<string, string> {
  const config: Record<string, string> = {};
  for (const registration of REGISTRATIONS) {
    Object.assign(
      config,
      registration.providerConfig.entries(
        urls[registration.name] ?? "",
        registration.credentials.defaults[account],
      ),
    );
  }
  return config;
}

/** The keys of {@link providerConfig} that hold secrets. */
export const PROVIDER_SECRET_KEYS: string[] = REGISTRATIONS.flatMap((registration) => [
  ...registration.providerConfig.secretKeys,
]);
