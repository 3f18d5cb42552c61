/**
 * Huawei Cloud's `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=…, Signature=…` form: the raw
 * secret key signs `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hash of the canonical request>`. The
 * canonicalisation is the provider's, which is tested against the official vectors.
 */
import {
  canonicalRequest,
  parseAuthorization,
  signature,
} from "../../../provider/clouds/huaweicloud/sign.js";
import type { SignatureScheme } from "../vpcep-v1/profile.js";

/** The scheme of Huawei's SDKs (no credential scope). */
export const HUAWEI_SIGNATURE: SignatureScheme = {
  parse: parseAuthorization,
  expected: (request, parsed, secretKey, sdkDate) =>
    signature(secretKey, sdkDate, canonicalRequest(request, parsed.signedHeaders)),
};
