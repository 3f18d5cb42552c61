/** The sections of `npm run bench`, in the order they run. One line per section. */
import type { Section } from "../figures.js";
import { callsSection } from "./calls.js";
import { engineSection } from "./engine.js";
import { hostSection } from "./host.js";
import { policySection } from "./policy.js";
import { previewSection } from "./preview.js";
import { stubSection } from "./stub.js";
import { throughputSection } from "./throughput.js";
import { waiterSection } from "./waiter.js";

export const SECTIONS: readonly Section[] = [
  previewSection,
  stubSection,
  callsSection,
  waiterSection,
  hostSection,
  engineSection,
  throughputSection,
  policySection,
];
