/** How violations name things: the resource, the property, the value, then the rule. */

/** `Vpc "main"` for `huaweicloud:Vpc/vpc:Vpc` named `main`. */
export function resourceLabel(type: string, name: string): string {
  const short = type.slice(type.lastIndexOf(":") + 1) || type;
  return `${short} "${name}"`;
}

/** `VpcEndpoint "web": whitelist[1] = "0.0.0.0/0" <rule>.` */
export function violation(type: string, name: string, path: string, value: unknown, rule: string): string {
  return `${resourceLabel(type, name)}: ${path} = ${JSON.stringify(value) ?? String(value)} ${rule}`;
}
