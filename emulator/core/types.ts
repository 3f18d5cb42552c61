/** Names shared by every part of the emulator. */

// Type only: the core never imports a cloud at runtime; the union comes from the registry.
export type { CloudName } from "../clouds/index.js";

/** Signature checking: `strict` answers auth errors, `lenient` logs them and goes on, `off` only parses. */
export type AuthMode = "strict" | "lenient" | "off";

/** The auth modes, for validation of options and environment variables. */
export const AUTH_MODES: readonly AuthMode[] = ["strict", "lenient", "off"];
