// Enquiries: storing a prospect's request (deduplicated, rate-limited per IP, with its consent
// record and its mail-outbox row in one transaction), the inbox's list and detail, follow-up
// (status and notes with history), erasure on request and purge after the retention period.
import { createHash } from "node:crypto";
import type { EnquiryStatus } from "@/lib/generated/prisma/enums";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { LIMITS } from "@/lib/auth/rate-limit";
import { PURGE_ACTOR, recordAudit, type Actor, type AuditEntry } from "@/lib/audit/audit-log";
import { normalisePhone, NOTICE_VERSION, PHONE, type EnquiryInput } from "./schema";
import { formatDate } from "@/lib/format/beijing-time";

export const STATUS_LABELS: Record<EnquiryStatus, string> = {
  NEW: "新",
  CONTACTED: "已联系",
  CONVERTED: "已转化",
  CLOSED: "已关闭",
};
export const STATUSES = Object.keys(STATUS_LABELS) as EnquiryStatus[];

export const PER_IP_PER_HOUR = 5;
const DUPLICATE_WINDOW_MS = 60_000;
const ERASED = "（已删除）";

export type SubmitResult =
  { ok: true; id: string; duplicate: boolean } | { ok: false; status: 429 | 400; message: string };

function fingerprintOf(input: EnquiryInput): string {
  const fields = [
    input.name,
    input.organisation,
    input.jobTitle,
    input.phone,
    input.email,
    input.city,
    input.interest,
    input.trainees,
    input.contactTime,
    input.message,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export function rateLimitMessage(contact?: string) {
  return `同一网络一小时内最多提交 ${PER_IP_PER_HOUR} 次咨询，请一小时后再试${contact ? `；如有急事，请直接联系：${contact}` : "。您之前提交的信息已经收到，我们会尽快联系您"}。`;
}

/**
 * Stores an enquiry. The same submission within a minute returns the first one (a double click
 * or a resend is one enquiry); more than PER_IP_PER_HOUR new enquiries from one address in an
 * hour are refused. Advisory locks on the address and the fingerprint make both checks hold
 * under concurrent submits. The outbox row is part of the same transaction: stored enquiry and
 * pending notification exist together or not at all.
 */
export async function submitEnquiry(
  db: PrismaClient,
  input: EnquiryInput,
  meta: { ip: string; notify: boolean; contact?: string; now?: Date; noticeVersion?: string; tokenId?: string },
): Promise<SubmitResult> {
  const now = meta.now ?? new Date();
  const fingerprint = fingerprintOf(input);
  const bucket = LIMITS.enquiryPerIp(meta.ip).bucket;
  const formTokenId = meta.tokenId ?? null;
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${bucket}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${fingerprint}))`;
      const duplicate = await tx.enquiry.findFirst({
        where: { fingerprint, createdAt: { gt: new Date(now.getTime() - DUPLICATE_WINDOW_MS) } },
        select: { id: true },
      });
      if (duplicate) return { ok: true as const, id: duplicate.id, duplicate: true };
      const recent = await tx.rateLimitEvent.count({
        where: { bucket, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
      });
      if (recent >= PER_IP_PER_HOUR)
        return { ok: false as const, status: 429 as const, message: rateLimitMessage(meta.contact) };
      const enquiry = await tx.enquiry.create({
        data: {
          name: input.name,
          organisation: input.organisation,
          jobTitle: input.jobTitle ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          city: input.city ?? null,
          interest: input.interest ?? null,
          trainees: input.trainees ?? null,
          contactTime: input.contactTime ?? null,
          message: input.message ?? null,
          consentAt: now,
          noticeVersion: meta.noticeVersion ?? NOTICE_VERSION,
          fingerprint,
          formTokenId,
          createdAt: now,
          changes: { create: { toStatus: "NEW", byName: "咨询表单", createdAt: now } },
          notification: { create: { state: meta.notify ? "PENDING" : "SKIPPED", nextAttemptAt: now } },
        },
        select: { id: true },
      });
      await tx.rateLimitEvent.create({ data: { bucket, createdAt: now }, select: { id: true } });
      return { ok: true as const, id: enquiry.id, duplicate: false };
    });
  } catch (err) {
    // The form's token already sent an enquiry (a different one: the same one is a duplicate above).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      return { ok: false as const, status: 400 as const, message: TOKEN_USED_MESSAGE };
    throw err;
  }
}

const TOKEN_USED_MESSAGE = "这份表单已经提交过了。如需再次咨询，请刷新页面后重新填写。";

export type InboxQuery = { status: EnquiryStatus | "ALL"; q: string; page: number };
export const INBOX_PAGE_SIZE = 30;

function inboxWhere(query: Pick<InboxQuery, "status" | "q">): Prisma.EnquiryWhereInput {
  const where: Prisma.EnquiryWhereInput = { erasedAt: null };
  if (query.status !== "ALL") where.status = query.status;
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    // Contact details are masked in the list, so searching must not reveal them piece by piece
    // (typing 139, 1391, 13912 … would recover a number digit by digit): a phone or an email
    // matches only when given in full.
    const phone = normalisePhone(query.q);
    where.OR = [
      { name: contains },
      { organisation: contains },
      { email: { equals: query.q.trim(), mode: "insensitive" } },
      ...(PHONE.test(phone) ? [{ phone: { equals: phone } }] : []),
      { city: contains },
      { message: contains },
    ];
  }
  return where;
}

const listSelect = {
  id: true,
  createdAt: true,
  status: true,
  interest: true,
  name: true,
  organisation: true,
  jobTitle: true,
  city: true,
  phone: true,
  email: true,
  trainees: true,
} as const;

export async function listEnquiries(db: PrismaClient, query: InboxQuery) {
  const where = inboxWhere(query);
  const [total, counts, erased] = await Promise.all([
    db.enquiry.count({ where }),
    db.enquiry.groupBy({ by: ["status"], where: { erasedAt: null }, _count: { _all: true } }),
    db.enquiry.count({ where: { erasedAt: { not: null } } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db.enquiry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: listSelect,
  });
  const byStatus = Object.fromEntries(
    STATUSES.map((s) => [s, counts.find((c) => c.status === s)?._count._all ?? 0]),
  ) as Record<EnquiryStatus, number>;
  return { rows, total, page, pages, byStatus, erased };
}

/** Every matching enquiry, for the export (same filters as the list). */
export async function exportEnquiries(db: PrismaClient, query: Pick<InboxQuery, "status" | "q">) {
  return db.enquiry.findMany({
    where: inboxWhere(query),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...listSelect, contactTime: true, message: true, consentAt: true, noticeVersion: true },
  });
}

export async function getEnquiry(db: PrismaClient, id: string) {
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return null;
  return db.enquiry.findUnique({
    where: { id },
    select: {
      ...listSelect,
      contactTime: true,
      message: true,
      consentAt: true,
      noticeVersion: true,
      erasedAt: true,
      notes: { orderBy: { createdAt: "desc" }, select: { id: true, authorName: true, body: true, createdAt: true } },
      changes: {
        orderBy: { createdAt: "desc" },
        select: { id: true, fromStatus: true, toStatus: true, byName: true, createdAt: true },
      },
      notification: { select: { state: true, attempts: true, lastError: true, sentAt: true } },
    },
  });
}

/**
 * A trainer's follow-up. `seenStatus` is the status the trainer's page showed when the form was
 * drawn: the status changes only when they picked a different one. A note-only save from a page
 * that is out of date (a colleague changed the status meanwhile) then never puts the old status back.
 */
export type FollowUp = { seenStatus: EnquiryStatus; status: EnquiryStatus; note?: string };
export type FollowUpResult =
  | { ok: true; status: EnquiryStatus; statusChanged: boolean; noteAdded: boolean }
  | { ok: false; code: "NOT_FOUND" | "ERASED" | "NOTHING_TO_SAVE" };

/** Changes the status and/or adds a note, recording who did what. Refused once erased. */
export async function followUpEnquiry(
  db: PrismaClient,
  actorName: string,
  id: string,
  change: FollowUp,
): Promise<FollowUpResult> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: EnquiryStatus; erasedAt: Date | null }[]>`
      SELECT status, "erasedAt" FROM "Enquiry" WHERE id = ${id} FOR UPDATE`;
    const current = rows[0];
    if (!current) return { ok: false, code: "NOT_FOUND" };
    if (current.erasedAt) return { ok: false, code: "ERASED" };
    const picked = change.status !== change.seenStatus;
    const statusChanged = picked && change.status !== current.status;
    if (!statusChanged && !change.note) return { ok: false, code: "NOTHING_TO_SAVE" };
    if (statusChanged) {
      await tx.enquiry.update({ where: { id }, data: { status: change.status }, select: { id: true } });
      await tx.enquiryStatusChange.create({
        data: { enquiryId: id, fromStatus: current.status, toStatus: change.status, byName: actorName },
        select: { id: true },
      });
    }
    if (change.note)
      await tx.enquiryNote.create({
        data: { enquiryId: id, authorName: actorName, body: change.note },
        select: { id: true },
      });
    return {
      ok: true,
      status: statusChanged ? change.status : current.status,
      statusChanged,
      noteAdded: Boolean(change.note),
    };
  });
}

const erasedData = {
  name: ERASED,
  organisation: ERASED,
  jobTitle: null,
  phone: null,
  email: null,
  city: null,
  contactTime: null,
  message: null,
} satisfies Prisma.EnquiryUpdateManyMutationInput;

/**
 * Removes the personal data (on the prospect's request, or at the end of the retention period):
 * contact fields and notes go; status, interest, numbers and dates stay, so counts still add up.
 * A notification not yet sent is dropped rather than mailing data that was asked to be deleted.
 */
async function eraseEnquiries(
  db: PrismaClient,
  where: Prisma.EnquiryWhereInput,
  actor: Actor,
  audit: Omit<AuditEntry, "rows">,
  now: Date,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const ids = (await tx.enquiry.findMany({ where: { ...where, erasedAt: null }, select: { id: true } })).map(
      (e) => e.id,
    );
    if (ids.length === 0) return 0;
    await tx.enquiry.updateMany({
      where: { id: { in: ids } },
      data: { ...erasedData, fingerprint: "erased", erasedAt: now },
    });
    await tx.enquiryNote.deleteMany({ where: { enquiryId: { in: ids } } });
    await tx.enquiryNotification.updateMany({
      where: { enquiryId: { in: ids }, state: "PENDING" },
      data: { state: "SKIPPED", lastError: "个人信息已删除，未发送" },
    });
    // In the same transaction: an erasure nobody can account for is as bad as one not done.
    await recordAudit(tx, actor, { ...audit, rows: ids.length }, now);
    return ids.length;
  });
}

/** Erases one enquiry on the prospect's request; false if it is unknown or already erased. */
export async function eraseEnquiry(db: PrismaClient, id: string, actor: Actor, now = new Date()) {
  return (await eraseEnquiries(db, { id }, actor, { action: "ENQUIRY_ERASE", target: id }, now)) === 1;
}

/** npm run enquiries:purge — erases every enquiry older than the retention period. */
export async function purgeExpiredEnquiries(db: PrismaClient, retentionDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const detail = `保存期限 ${retentionDays} 天，删除 ${formatDate(cutoff)} 之前提交的咨询`;
  return {
    cutoff,
    erased: await eraseEnquiries(
      db,
      { createdAt: { lt: cutoff } },
      PURGE_ACTOR,
      { action: "ENQUIRY_PURGE", detail },
      now,
    ),
  };
}
