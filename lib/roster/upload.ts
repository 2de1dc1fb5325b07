// An uploaded roster file to validated rows: the file's kind from its name and first bytes (not
// the browser's MIME type, which Windows sets from the registry), then the reader for it.
import { decodeCsv, parseCsv } from "./decode";
import { MAX_ROSTER_ROWS, validateRoster, type RosterFileProblem, type RosterRow } from "./validate";
import { readXlsx } from "./xlsx";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type UploadProblem = { code: "NO_FILE" | "TOO_LARGE" | "WRONG_TYPE" | "UNREADABLE" } | RosterFileProblem;
export type UploadResult = { ok: true; rows: RosterRow[] } | ({ ok: false } & UploadProblem);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Old binary .xls (and .et, WPS's own): a Compound File, which exceljs cannot read.
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readRosterUpload(file: unknown): Promise<UploadResult> {
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { ok: false, code: "NO_FILE" };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, code: "TOO_LARGE" };
  if (file.size === 0) return { ok: false, code: "EMPTY" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name.toLowerCase();
  let table: string[][] | null;
  if (name.endsWith(".xlsx")) {
    if (!startsWith(bytes, ZIP)) return { ok: false, code: "UNREADABLE" };
    table = await readXlsx(bytes, MAX_ROSTER_ROWS + 1);
    if (!table) return { ok: false, code: "UNREADABLE" };
  } else if (name.endsWith(".csv")) {
    // A spreadsheet renamed to .csv: say it is not text rather than show garbled headers.
    if (startsWith(bytes, ZIP) || startsWith(bytes, COMPOUND_FILE)) return { ok: false, code: "UNREADABLE" };
    table = parseCsv(decodeCsv(bytes));
  } else {
    return { ok: false, code: "WRONG_TYPE" };
  }
  return validateRoster(table);
}
