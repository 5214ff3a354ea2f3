/**
 * Whether `timeZone` names a zone of the IANA database this runtime knows (canonical names and
 * their aliases, e.g. Europe/Kiev for Europe/Kyiv). Offsets like "+02:00" are not zones: they
 * have no daylight-saving rules, which recurring tasks depend on.
 */
export function isIanaTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
