/** Names shared by every part of the emulator. */

/** The clouds this emulator speaks. */
export type CloudName = "huaweicloud" | "tencentcloud";

/** Every cloud, in the order ports are printed. */
export const CLOUDS: readonly CloudName[] = ["huaweicloud", "tencentcloud"];

/** Signature checking: `strict` answers auth errors, `lenient` logs them and goes on, `off` only parses. */
export type AuthMode = "strict" | "lenient" | "off";

/** The auth modes, for validation of options and environment variables. */
export const AUTH_MODES: readonly AuthMode[] = ["strict", "lenient", "off"];
