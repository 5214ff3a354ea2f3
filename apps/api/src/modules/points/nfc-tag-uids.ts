/**
 * NFC tag UIDs as readers print them vary: `04:A2:3B:1C`, `04-a2-3b-1c`, `04 A2 3B 1C`. The
 * stored form is upper-case hex without separators, so the same tag always compares equal (and
 * the per-organization unique index catches a tag registered twice).
 */
export function normalizeNfcTagUid(input: string): string | null {
  const hex = input.replace(/[\s:.-]/g, '').toUpperCase();
  // ISO 14443 UIDs are 4, 7 or 10 bytes, ISO 15693 ones 8: accept 4 to 10 whole bytes.
  return /^(?:[0-9A-F]{2}){4,10}$/.test(hex) ? hex : null;
}
