/** README.md's per-cloud tables follow from the cloud registry: a drift fails here. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { withTables } from "../../scripts/doc-tables.js";

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "README.md");

test("the settings and field-rule tables in README.md are the registry's (npm run docs:tables)", async () => {
  const readme = readFileSync(README, "utf8");
  const regenerated = await format(await withTables(readme), { parser: "markdown", printWidth: 110 });
  expect(regenerated).toBe(readme);
});
