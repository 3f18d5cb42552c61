/**
 * Runs one policy in-process the way `@pulumi/policy`'s server does: props behind the SDK's own
 * `unknownCheckingProxy`, `getConfig` returning the policy's config, an `UnknownValueError` turned
 * into the server's "can't run policy" advisory, and stack resources linked by URN. The gRPC tests
 * (tests/integration/policy-*.test.ts) run the real server.
 */
import {
  unknownCheckingProxy,
  UnknownValueError,
  type PolicyResource,
  type ResourceValidationPolicy,
  type StackValidationPolicy,
} from "@pulumi/policy";

/** The engine's sentinel for an unknown string, as props carry it during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface Outcome {
  violations: string[];
  /** Set when the policy could not run because it read an unknown value. */
  couldNotRun?: string;
  /** URNs reported with stack violations, in order. */
  urns: (string | undefined)[];
}

export const urnOf = (type: string, name: string) => `urn:pulumi:test::vpcep::${type}::${name}`;

function collector(): { outcome: Outcome; report: (message: string, urn?: string) => void } {
  const outcome: Outcome = { violations: [], urns: [] };
  return {
    outcome,
    report: (message, urn) => {
      outcome.violations.push(message);
      outcome.urns.push(urn);
    },
  };
}

const notApplicable = (reason?: string): never => {
  throw new Error(`not applicable: ${reason}`);
};

export async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  resource: { type: string; name?: string; props: Record<string, unknown> },
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const { outcome, report } = collector();
  const name = resource.name ?? "subject";
  const props = unknownCheckingProxy(structuredClone(resource.props));
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource!];
  for (const validate of validations) {
    try {
      await validate(
        {
          type: resource.type,
          props,
          urn: urnOf(resource.type, name),
          name,
          opts: {
            protect: false,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: {},
            additionalSecretOutputs: [],
          },
          stackTags: new Map(),
          isType: () => false,
          asType: () => undefined,
          getConfig: <T extends object>() => config as T,
          notApplicable,
        } as never,
        (message: string | { message: string }) =>
          report(typeof message === "string" ? message : message.message),
      );
    } catch (error) {
      if (!(error instanceof UnknownValueError)) throw error;
      outcome.couldNotRun = (error as Error).message;
    }
  }
  return outcome;
}

export interface StackMember {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Input property → names of the resources it was computed from. */
  propertyDependencies?: Record<string, string[]>;
}

export async function runStackPolicy(
  policy: StackValidationPolicy,
  members: StackMember[],
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const { outcome, report } = collector();
  const byName = new Map<string, PolicyResource>();
  const resources = members.map((member) => {
    const resource = {
      type: member.type,
      name: member.name,
      urn: urnOf(member.type, member.name),
      props: unknownCheckingProxy(structuredClone(member.props)),
      opts: {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: {},
        additionalSecretOutputs: [],
      },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    } as unknown as PolicyResource;
    byName.set(member.name, resource);
    return resource;
  });
  members.forEach((member, index) => {
    for (const [key, names] of Object.entries(member.propertyDependencies ?? {})) {
      resources[index]!.propertyDependencies[key] = names.map((n) => byName.get(n)!);
    }
  });
  try {
    await policy.validateStack(
      {
        resources,
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable,
      } as never,
      (message: string | { message: string }, urn?: string) =>
        report(typeof message === "string" ? message : message.message, urn),
    );
  } catch (error) {
    if (!(error instanceof UnknownValueError)) throw error;
    outcome.couldNotRun = (error as Error).message;
  }
  return outcome;
}
