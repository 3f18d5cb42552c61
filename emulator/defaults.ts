/**
 * Default progressions, registered in one place (moto's `register_default_transition`). Every
 * model starts from the emulator-wide default; `PUT /_emulator/transitions` overrides one model.
 */
import type { CloudModule } from "./core/cloud-module.js";
import type { Progression, Transitions } from "./core/transitions.js";

/** `startEmulator` leaves pacing to the caller: immediate unless told otherwise. */
export const LIBRARY_DEFAULT_PROGRESSION: Progression = { progression: "immediate" };

/** The CLI behaves like a slow cloud: one state step every 1.5 s of emulator time. */
export const CLI_DEFAULT_PROGRESSION: Progression = { progression: "time", ms: 1500 };

/** Registers every module's models and gives each the default progression. */
export function registerModels(
  transitions: Transitions,
  modules: CloudModule[],
  progression: Progression,
): void {
  for (const module of modules) {
    for (const spec of module.models) {
      transitions.registerModel(spec);
      transitions.registerDefault(spec.model, progression);
    }
  }
}
