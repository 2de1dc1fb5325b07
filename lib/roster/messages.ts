// The roster import's problems as the trainer reads them, per cell.
import type { RosterField, RosterFileProblem, RosterProblem } from "./validate";

export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: "姓名",
  employeeNo: "工号",
  mobile: "手机",
  email: "邮箱",
  branch: "分行",
  department: "支行/部门",
  position: "岗位",
};

export const ROSTER_PROBLEM_MESSAGES: Record<RosterProblem, string> = {
  REQUIRED: "必填，请填写",
  TOO_LONG: "内容过长",
  INVALID_CHARS: "含有无效字符（如 < > 或控制字符）",
  BAD_EMPLOYEE_NO: "工号只能包含字母、数字、- 和 _",
  BAD_MOBILE: "请填写 11 位中国大陆手机号",
  BAD_EMAIL: "邮箱格式不正确",
  DUPLICATE_IN_FILE: "与文件中前面的行重复",
  NO_SIGN_IN_ID: "工号、手机、邮箱至少填写一项（用于登录）",
};

export const ROSTER_FILE_MESSAGES: Record<RosterFileProblem, string> = {
  EMPTY: "文件是空的",
  BAD_HEADERS: "找不到表头：第一行须包含 姓名，以及 工号 或 手机（请使用下载的模板）",
  TOO_MANY_ROWS: "一次最多导入 5000 行，请分批导入",
};

export function rosterCellMessage(field: RosterField, code: RosterProblem): string {
  return `${ROSTER_FIELD_LABELS[field]}：${ROSTER_PROBLEM_MESSAGES[code]}`;
}
