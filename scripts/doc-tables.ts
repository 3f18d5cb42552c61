/**
 * The README tables that follow from the cloud registry: every config key and environment variable
 * per cloud, and per cloud and kind which input updates in place (by which call) and which
 * replaces. `node dist/scripts/doc-tables.js --write` rewrites them in README.md between their
 * markers; a unit test fails when README.md and the registry disagree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { CLOUD_MODULES } from "../provider/clouds/index.js";
import { TUNING_SETTINGS, type SettingSpec } from "../provider/core/settings.js";
import { RESOURCE_KINDS, kindLabel } from "../provider/schema/kinds.js";

const code = (text: string) => `\`${text}\``;

function settingRow(spec: SettingSpec, cloud: string): string {
  const notes = [
    spec.required ? "required" : "optional",
    ...(spec.secret ? ["set it as a secret"] : []),
    ...(spec.default !== undefined ? [`default ${code(spec.default)}`] : []),
  ];
  return `| ${cloud} | ${code(`vpcep:${spec.key}`)} | ${spec.env.map(code).join(", ")} | ${spec.description} (${notes.join(", ")}) |`;
}

function settingsTable(): string {
  const rows = [
    ...CLOUD_MODULES.flatMap((m) => Object.values(m.settings).map((spec) => settingRow(spec, m.label))),
    ...Object.values(TUNING_SETTINGS).map((spec) => settingRow(spec, "every cloud")),
  ];
  return [
    "| Cloud | Stack config key | Environment variables (first found wins) | Meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function changesTable(): string {
  const rows: string[] = [];
  for (const kind of RESOURCE_KINDS) {
    for (const module of CLOUD_MODULES) {
      const fields = module.resources[kind].fields;
      const byCall = new Map<string, string[]>();
      for (const [name, rule] of Object.entries(fields)) {
        if (rule.change !== "update") continue;
        byCall.set(rule.call ?? "", [...(byCall.get(rule.call ?? "") ?? []), code(name)]);
      }
      const inPlace = [...byCall].map(([call, names]) => `${names.join(", ")} (${call})`);
      const replaces = Object.entries(fields)
        .filter(([, rule]) => rule.change === "replace")
        .map(([name]) => code(name));
      const provider = Object.entries(fields)
        .filter(([, rule]) => rule.change === "ignore")
        .map(([name]) => code(name));
      rows.push(
        `| ${module.label} | ${kindLabel(kind)} | ${inPlace.join(", ") || "—"} | ${replaces.join(", ")} | ${provider.join(", ")} |`,
      );
    }
  }
  return [
    "| Cloud | Resource | Updates in place (by the call) | Replaces | Provider-side only (no cloud call) |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** Each generated block by its marker name. */
export async function renderTables(): Promise<Record<string, string>> {
  const tables = { settings: settingsTable(), changes: changesTable() };
  const out: Record<string, string> = {};
  for (const [name, table] of Object.entries(tables)) {
    out[name] = (await format(table, { parser: "markdown", printWidth: 110 })).trim();
  }
  return out;
}

export const marker = (name: string) =>
  [`<!-- generated:${name} (npm run docs:tables) -->`, `<!-- /generated:${name} -->`] as const;

/** README text with every generated block replaced by its current rendering. */
export async function withTables(readme: string): Promise<string> {
  let text = readme;
  for (const [name, table] of Object.entries(await renderTables())) {
    const [open, close] = marker(name);
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README.md has no ${open} … ${close} block`);
    text = `${text.slice(0, start + open.length)}\n\n${table}\n\n${text.slice(end)}`;
  }
  return text;
}

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.resolve(here, "..", "..", "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const updated = await withTables(readme);
  if (process.argv.includes("--write")) writeFileSync(readmePath, updated);
  else process.stdout.write(Object.values(await renderTables()).join("\n\n") + "\n");
}
