// The roster import's problems as the trainer reads them, per cell and per file.
import type { ImportProblem } from "./plan";
import type { UploadProblem } from "./upload";
import { MAX_ROSTER_ROWS, ROSTER_HEADERS, type RosterField, type RosterProblem } from "./validate";

export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: "姓名",
  employeeNo: "工号",
  mobile: "手机",
  email: "邮箱",
  branch: "分行",
  department: "支行/部门",
  position: "岗位",
};

export const ROSTER_PROBLEM_MESSAGES: Record<RosterProblem | ImportProblem, string> = {
  REQUIRED: "必填，请填写",
  TOO_LONG: "内容过长",
  INVALID_CHARS: "含有无效字符（如 < > 或控制字符）",
  BAD_EMPLOYEE_NO: "工号只能包含字母、数字、- 和 _",
  BAD_MOBILE: "请填写 11 位中国大陆手机号",
  BAD_EMAIL: "邮箱格式不正确",
  DUPLICATE_IN_FILE: "与文件中前面的行重复",
  NO_SIGN_IN_ID: "工号、手机、邮箱至少填写一项（用于登录）",
  EMAIL_TAKEN: "该邮箱已被另一个账号使用",
  MATCHES_TWO_PEOPLE: "工号和手机分别属于本机构的两名不同学员，请核对",
  NOT_A_LEARNER: "本机构中使用该号码的是管理或培训账号，不能作为学员导入",
};

export function rosterCellMessage(field: RosterField, code: RosterProblem | ImportProblem): string {
  return `${ROSTER_FIELD_LABELS[field]}：${ROSTER_PROBLEM_MESSAGES[code]}`;
}

export const MAX_UPLOAD_MB = 5;

export function rosterFileMessage(problem: UploadProblem): string {
  switch (problem.code) {
    case "NO_FILE":
      return "请选择要导入的名单文件";
    case "TOO_LARGE":
      return `文件超过 ${MAX_UPLOAD_MB} MB，请删去无关的工作表或列，或分批导入`;
    case "WRONG_TYPE":
      return "只能导入 .xlsx 或 .csv 文件（旧版 .xls 请在 Excel 或 WPS 中另存为 .xlsx）";
    case "UNREADABLE":
      return "文件无法读取，可能已损坏或不是 Excel 文件，请用下载的模板重新填写";
    case "EMPTY":
      return "文件是空的";
    case "NO_ROWS":
      return "表头下面没有学员，请填写后再上传";
    case "TOO_MANY_ROWS":
      return `一次最多导入 ${MAX_ROSTER_ROWS} 行，请分批导入`;
    case "MISSING_HEADERS":
      return `第一行缺少表头：${problem.missing.join("、")}。表头须为 ${ROSTER_HEADERS.join("、")}（请使用下载的模板）`;
  }
}
