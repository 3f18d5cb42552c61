/**
 * Text measures shared by the cloud modules.
 */

/**
 * Length in Unicode code points, the way the clouds document limits ("36 Unicode characters") and
 * the way the provider counts them; `String.length` counts UTF-16 units, so one emoji counts 2.
 */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
