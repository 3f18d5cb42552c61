/**
 * Open Telekom Cloud AK/SK signing in the scoped form its own tooling sends (gophertelekomcloud,
 * the Terraform provider): `SDK-HMAC-SHA256 Credential=<AK>/<date>/<region>/<service>/sdk_request`,
 * keyed by a chain that starts from `"SDK" + SK`. The canonical request is the APIG one Huawei's
 * signer builds; for the requests this provider sends (unique lowercase query names, a body on
 * every POST) the two canonicalisations coincide.
 * @link https://docs.otc.t-systems.com/api-usage/guidelines/calling_apis/ak_sk_authentication/index.html
 */
import { headerValue } from "../../core/canonical.js";
import { hmac, hmacHex, sha256Hex } from "../../core/crypto.js";
import {
  canonicalRequest,
  HUAWEI_ALGORITHM,
  signedHeaderNames,
  type HuaweiSignable,
} from "../huaweicloud/sign.js";

export const SCOPE_TERMINATOR = "sdk_request";

/** `<YYYYMMDD>/<region>/<service>/sdk_request`; OTC's Terraform provider leaves region and service empty. */
export function credentialScope(sdkDate: string, region: string, service: string): string {
  return `${sdkDate.slice(0, 8)}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

/** The signing key: HMAC chain over date, region, service and the terminator, from `"SDK" + SK`. */
export function signingKey(secretKey: string, scope: string): Buffer {
  const [date, region, service] = scope.split("/") as [string, string, string];
  let key = hmac(`SDK${secretKey}`, date);
  for (const part of [region, service, SCOPE_TERMINATOR]) key = hmac(key, part);
  return key;
}

export function scopedSignature(
  secretKey: string,
  sdkDate: string,
  scope: string,
  canonical: string,
): string {
  const stringToSign = `${HUAWEI_ALGORITHM}\n${sdkDate}\n${scope}\n${sha256Hex(canonical)}`;
  return hmacHex(signingKey(secretKey, scope), stringToSign);
}

/** The `Authorization` value for a request whose signed headers already include `X-Sdk-Date`. */
export function scopedAuthorization(
  req: HuaweiSignable,
  keys: { accessKey: string; secretKey: string },
  region: string,
  service: string,
): string {
  const names = signedHeaderNames(req.headers);
  const date = headerValue(req.headers, "x-sdk-date");
  const scope = credentialScope(date, region, service);
  const sig = scopedSignature(keys.secretKey, date, scope, canonicalRequest(req, names));
  return `${HUAWEI_ALGORITHM} Credential=${keys.accessKey}/${scope}, SignedHeaders=${names.join(";")}, Signature=${sig}`;
}
