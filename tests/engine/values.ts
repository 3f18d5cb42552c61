/**
 * Property values as the engine handles them: plain JSON, the unknown sentinel, secret markers.
 */
import * as pulumi from "@pulumi/pulumi";

/** A property bag as it crosses the provider protocol: plain JSON values only. */
export type Props = Record<string, unknown>;

/**
 * The string the engine sends in place of a value that is not known yet (during preview), in any
 * field, whatever its type. `pulumi.runtime.unknownValue` in the SDK.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function isSecretWrapper(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[SIG_KEY] === SECRET_SIG;
}

/**
 * Turns one value the SDK's mock monitor hands to `newResource` into what the engine would send
 * to a provider: the SDK's `unknown` marker (`pulumi.isUnknown`) becomes the sentinel string,
 * secret wrappers are unwrapped (the host has `acceptSecrets=false`), `undefined` object members
 * are dropped and `undefined` array elements become `null`, like `Struct.fromJavaScript` needs.
 */
export function toWire(value: unknown): unknown {
  if (pulumi.isUnknown(value)) {
    return UNKNOWN;
  }
  if (isSecretWrapper(value)) {
    return toWire(value.value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined ? null : toWire(item)));
  }
  if (value !== null && typeof value === "object") {
    if (pulumi.Output.isInstance(value) || pulumi.Resource.isInstance(value)) {
      throw new Error("the engine harness cannot pass Output or Resource objects to a dynamic provider");
    }
    const out: Props = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) {
        out[key] = toWire(item);
      }
    }
    return out;
  }
  return value;
}

/**
 * {@link toWire} for a whole property bag, also naming the top-level keys that held a secret (the
 * SDK pushes a nested secret up to its top-level property).
 */
export function propsToWire(props: Props): { props: Props; secretKeys: string[] } {
  const secretKeys = Object.keys(props).filter((key) => isSecretWrapper(props[key]));
  return { props: toWire(props) as Props, secretKeys };
}

/**
 * Marks `keys` of an output bag as secret for the SDK: the engine keeps an output secret when the
 * input of the same top-level name was secret (providers without `acceptSecrets`).
 */
export function markSecrets(props: Props, keys: readonly string[]): Props {
  const out: Props = { ...props };
  for (const key of keys) {
    if (key in out) {
      out[key] = { [SIG_KEY]: SECRET_SIG, value: out[key] };
    }
  }
  return out;
}

/** Structural equality of two JSON values (object key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => deepEqual(item, b[index]))
    );
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return (
      aKeys.length === bKeys.length &&
      aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Props)[key], (b as Props)[key]))
    );
  }
  return false;
}

/** The top-level keys whose values differ between two bags, sorted. */
export function changedKeys(olds: Props, news: Props): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((key) => !deepEqual(olds[key], news[key])).sort();
}

/** Whether a JSON value holds the unknown sentinel anywhere. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsUnknown);
  }
  if (value !== null && typeof value === "object") {
    return Object.values(value).some(containsUnknown);
  }
  return false;
}
