import { encodePersonId, parsePagePayload } from '../paper/qr-payload.ts';

export type CheckInCode = { ok: true; personId: string } | { ok: false; reason: string };

/**
 * Who a scanned or typed check-in code names: the QR of a person's slip or of any page of their printed form
 * (`kitout:1:<form>:<version>:<person>:<page>`, page 0 being the slip), or a bare person id typed in.
 */
export function parseCheckInCode(text: string): CheckInCode {
  const code = text.trim();
  if (code === '') return { ok: false, reason: 'the code is empty' };
  if (!code.toLowerCase().startsWith('kitout:')) {
    if (code.length > 100 || /[\s:]/.test(code))
      return { ok: false, reason: 'this is neither a Kitout code nor a person id' };
    return { ok: true, personId: code };
  }
  // The printed-page reader knows pages 1–999; the slip is page 0 and otherwise the same text.
  const asPage = code.endsWith(':0') ? `${code.slice(0, -2)}:1` : code;
  const parsed = parsePagePayload(asPage);
  return parsed.ok ? { ok: true, personId: parsed.value.personId } : { ok: false, reason: parsed.reason };
}

/** The QR text of a person's check-in slip (page 0 of the form it names). */
export function slipCode(formId: string, version: string, personId: string): string {
  return `kitout:1:${formId}:${version}:${encodePersonId(personId)}:0`;
}
