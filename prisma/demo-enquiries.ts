// A few demo enquiries in every status, so the inbox is not empty on a fresh start. Invented
// people at invented organisations; phone numbers in the 1380013xxxx test range.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NOTICE_VERSION } from "@/lib/enquiries/schema";

const DEMO = [
  {
    name: "林晓梅",
    organisation: "示例银行华东分行信用卡部",
    jobTitle: "培训主管",
    phone: "13800138001",
    email: "lin.xm@example.com",
    city: "上海",
    interest: "inhouse",
    trainees: 80,
    message: "想为分行信用卡团队安排两天的场景金融内训,希望先看课程大纲。",
    status: "NEW",
    daysAgo: 0.2,
  },
  {
    name: "陈志远",
    organisation: "示例城商行零售金融部",
    jobTitle: "副总经理",
    phone: "13800138002",
    email: null,
    city: "杭州",
    interest: "course",
    trainees: 30,
    message: "团队在做商圈获客,想了解平安和中信的案例怎么落地。",
    status: "CONTACTED",
    daysAgo: 2,
  },
  {
    name: "王蕾",
    organisation: "示例农商行信用卡中心",
    jobTitle: null,
    phone: null,
    email: "wanglei@example.com",
    city: "成都",
    interest: "consulting",
    trainees: null,
    message: "活卡率一直上不去,是否提供诊断咨询?",
    status: "CONVERTED",
    daysAgo: 9,
  },
  {
    name: "赵一鸣",
    organisation: "示例股份行分行",
    jobTitle: "团队长",
    phone: "13800138004",
    email: "zhao.ym@example.com",
    city: "深圳",
    interest: "other",
    trainees: 12,
    message: null,
    status: "CLOSED",
    daysAgo: 20,
  },
] as const;

export async function seedDemoEnquiries(db: PrismaClient, trainerName: string, now = new Date()) {
  if ((await db.enquiry.count()) > 0) return;
  for (const d of DEMO) {
    const at = new Date(now.getTime() - d.daysAgo * 86_400_000);
    const { status, daysAgo: _days, ...fields } = d;
    await db.enquiry.create({
      data: {
        ...fields,
        status,
        consentAt: at,
        noticeVersion: `${NOTICE_VERSION}+180d`,
        fingerprint: `demo-${d.phone ?? d.email}`,
        createdAt: at,
        changes: {
          create: [
            { toStatus: "NEW", byName: "咨询表单", createdAt: at },
            ...(status === "NEW"
              ? []
              : [
                  {
                    fromStatus: "NEW" as const,
                    toStatus: status,
                    byName: trainerName,
                    createdAt: new Date(at.getTime() + 3_600_000),
                  },
                ]),
          ],
        },
        notes:
          status === "NEW"
            ? undefined
            : {
                create: {
                  authorName: trainerName,
                  body: "已电话沟通需求,发送课程大纲。",
                  createdAt: new Date(at.getTime() + 3_600_000),
                },
              },
        notification: { create: { state: "SKIPPED" } },
      },
      select: { id: true },
    });
  }
}
