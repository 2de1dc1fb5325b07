// What the inbox list shows of a prospect's contact details: enough to recognise, not to use.
// The full values appear only on an enquiry's own page.
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "—";
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

export function maskEmail(email: string | null | undefined): string {
  if (!email) return "—";
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
