/**
 * RFC 3986 percent-encoding: keeps `A-Z a-z 0-9 - _ . ~`, uppercase hex for the rest.
 * `encodeURIComponent` leaves `!'()*` alone, which the cloud signers encode.
 */
export default function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** Decodes a query component as sent (`+` is a literal plus for these signers, not a space). */
export function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
