import { endpointServicePortConflict } from "../../policy/policies/index.js";
import { runStackPolicy, UNKNOWN, urnOf } from "../support/policy.js";
import { huaweiService, SERVICE } from "./resources.js";

const policy = endpointServicePortConflict;
const PORT = "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30";
const service = (name: string, ports: unknown, portId: unknown = PORT) => ({
  type: SERVICE,
  name,
  props: huaweiService({ portId, ports }),
});

describe("vpcep-endpoint-service-port-conflict", () => {
  it("is a mandatory stack policy", () => {
    expect(policy.name).toBe("vpcep-endpoint-service-port-conflict");
    expect(policy.enforcementLevel).toBe("mandatory");
  });

  it("passes services on one backend port with distinct ports, or the same ports on other protocols or backends", async () => {
    const outcome = await runStackPolicy(policy, [
      service("a", [{ protocol: "TCP", clientPort: 443, serverPort: 8443 }]),
      service("b", [{ protocol: "TCP", clientPort: 80, serverPort: 8080 }]),
      service("c", [{ protocol: "UDP", clientPort: 443, serverPort: 8443 }]),
      service(
        "d",
        [{ protocol: "TCP", clientPort: 443, serverPort: 8443 }],
        "11111111-2222-4333-8444-555555555555",
      ),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("reports the later service mapping the same client port, on its URN", async () => {
    const outcome = await runStackPolicy(policy, [
      service("a", [{ protocol: "TCP", clientPort: 443, serverPort: 8443 }]),
      service("b", [{ protocol: "TCP", clientPort: 443, serverPort: 9443 }]),
    ]);
    expect(outcome.violations).toEqual([
      `VpcEndpointService "b": ports[0] = TCP 443→9443 uses client port 443/TCP, already mapped by VpcEndpointService "a" (ports[0] = TCP 443→8443) on backend port ${PORT}; the cloud fails the later create.`,
    ]);
    expect(outcome.urns).toEqual([urnOf(SERVICE, "b")]);
  });

  it("reports the same server port too, and across our resource and the official package", async () => {
    const outcome = await runStackPolicy(policy, [
      service("ours", [{ protocol: "TCP", clientPort: 80, serverPort: 8080 }]),
      {
        type: "huaweicloud:Vpcep/service:Service",
        name: "theirs",
        props: { portId: PORT, portMappings: [{ servicePort: 8080, terminalPort: 8081 }] },
      },
    ]);
    expect(outcome.violations).toEqual([
      `Service "theirs": portMappings[0] = TCP 8081→8080 uses server port 8080/TCP, already mapped by VpcEndpointService "ours" (ports[0] = TCP 80→8080) on backend port ${PORT}; the cloud fails the later create.`,
    ]);
  });

  it("cannot compare services whose backend port is unknown during preview", async () => {
    const outcome = await runStackPolicy(policy, [
      service("a", [{ protocol: "TCP", clientPort: 443, serverPort: 8443 }], UNKNOWN),
      service("b", [{ protocol: "TCP", clientPort: 443, serverPort: 8443 }], UNKNOWN),
    ]);
    expect(outcome).toEqual({ violations: [], urns: [] });
  });
});
