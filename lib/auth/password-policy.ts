// The server's word on a new password (issue 14 L1), beyond the length rule the browser checks too:
//  - not among the 10,000 most common leaked passwords (the frequency-ordered list that
//    @zxcvbn-ts/language-common ships, read from node_modules: nothing is downloaded), nor on our
//    own list of guesses that are common in China and in banking (lib/auth/common-passwords.ts);
//    "Qwerty123!" counts as "qwerty123": trailing or leading symbols add nothing an attacker
//    does not try;
//  - not containing the account's own email name or the site's name.
// Kept out of lib/auth/schemas.ts (shared with the browser): the list is half a megabyte, too much
// for the sign-up page's bundle. Not marked "server-only": `npm run user:create` runs it under tsx.
import { dictionary } from "@zxcvbn-ts/language-common";
import { isCommonPassword } from "./common-passwords";

const TOP = 10_000;
let top: Set<string> | undefined;
const leaked = () => (top ??= new Set(dictionary["passwords-common"].slice(0, TOP)));

/** Words of the site's name a password must not contain (lower-cased). */
const SITE_WORDS = ["场景化金融", "金融生态", "changjinghua", "changjing"];

export type PasswordProblem = "COMMON" | "CONTAINS_EMAIL" | "CONTAINS_SITE_NAME";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  const bare = lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if ([lower, bare].some((v) => leaked().has(v) || isCommonPassword(v))) return "COMMON";
  const local = email?.split("@")[0]?.toLowerCase() ?? "";
  // Short local parts ("li", "wm") would forbid too much for too little.
  if (local.length >= 4 && lower.includes(local)) return "CONTAINS_EMAIL";
  if (SITE_WORDS.some((w) => lower.includes(w))) return "CONTAINS_SITE_NAME";
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  COMMON: "这个密码太常见，容易被猜中，请换一个",
  CONTAINS_EMAIL: "密码不能包含邮箱用户名，请换一个",
  CONTAINS_SITE_NAME: "密码不能包含网站名称，请换一个",
};
