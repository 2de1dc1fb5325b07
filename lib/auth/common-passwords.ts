// Passwords refused at sign-up and password change because they top every leaked-password list
// (NIST SP 800-63B: check against commonly used passwords instead of composition rules). Only
// entries of 8+ characters matter, since shorter ones fail the length rule anyway. Compared
// lower-cased.
export const COMMON_PASSWORDS = new Set([
  "12345678", "123456789", "1234567890", "12345678910", "87654321", "11111111", "00000000", "88888888",
  "66666666", "99999999", "22222222", "12341234", "11223344", "12121212", "123123123", "147258369",
  "123456789a", "a12345678", "a123456789", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "qwer1234", "asdf1234",
  "zxcv1234", "abcd1234", "1234abcd", "abc12345", "abcdefgh", "aaaaaaaa", "qwertyui", "qwerty123",
  "qwertyuiop", "asdfghjkl", "zxcvbnm123", "password", "password1", "password123", "passw0rd", "p@ssw0rd",
  "p@ssword", "iloveyou", "iloveyou1", "woaini1314", "woaini520", "5201314520", "520131400", "1314520520",
  "wang1234", "zhang123", "li123456", "admin123", "admin1234", "administrator", "welcome1", "welcome123",
  "letmein1", "sunshine", "princess", "football", "baseball", "starwars", "superman", "trustno1",
  "whatever", "computer", "internet", "dragon123", "monkey123", "master123", "changeme", "changeme123",
  "secret123", "test1234", "testtest", "qazwsxedc", "1qazxsw2", "zaq12wsx", "q1w2e3r4", "q1w2e3r4t5",
  "a1b2c3d4", "abc123456", "aa123456", "qq123456", "woaini123", "5211314", "1234qwer", "123qweasd",
  "qweasdzxc", "asd123456", "bank1234", "xinyongka", "yinhang123", "pingan123", "citic123", "88888888a",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
