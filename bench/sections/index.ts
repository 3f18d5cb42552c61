/** The sections of `npm run bench`, in the order they run. One line per section. */
import type { Section } from "../figures.js";
import { engineSection } from "./engine.js";
import { previewSection } from "./preview.js";
import { stubSection } from "./stub.js";

export const SECTIONS: readonly Section[] = [previewSection, stubSection, engineSection];
