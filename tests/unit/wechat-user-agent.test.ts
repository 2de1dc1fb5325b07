import { describe, expect, it } from "vitest";
import { isWeChatRequest, isWeChatUserAgent } from "@/lib/wechat/user-agent";
import { WECHAT_ANDROID_UA } from "@/tests/support/user-agents";

// Real user agents, as the browsers send them.
const WECHAT_IOS =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";
const WECOM =
  "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 NetType/WIFI Language/zh ColorScheme/Light";
const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
const SAFARI_IOS =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
// QQ's and UC's browsers and Alipay are Chinese in-app or system browsers too, but they download files.
const QQ_BROWSER =
  "Mozilla/5.0 (Linux; U; Android 13; zh-cn; PGT-AN10 Build/HONORPGT-AN10) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.8 Mobile Safari/537.36";
const ALIPAY =
  "Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 AlipayClient/10.5.36.8100 Language/zh-Hans";

describe("WeChat's in-app browser", () => {
  it("is recognised on Android, on iOS and in 企业微信", () => {
    expect(isWeChatUserAgent(WECHAT_ANDROID_UA)).toBe(true);
    expect(isWeChatUserAgent(WECHAT_IOS)).toBe(true);
    expect(isWeChatUserAgent(WECOM)).toBe(true);
  });

  it("is not confused with ordinary or other in-app browsers", () => {
    for (const ua of [CHROME_ANDROID, SAFARI_IOS, QQ_BROWSER, ALIPAY]) expect(isWeChatUserAgent(ua)).toBe(false);
  });

  it("is not assumed when there is no user agent", () => {
    expect(isWeChatUserAgent(undefined)).toBe(false);
    expect(isWeChatUserAgent(null)).toBe(false);
    expect(isWeChatUserAgent("")).toBe(false);
  });

  it("is read from a request's headers on the server", () => {
    expect(isWeChatRequest(new Headers({ "user-agent": WECHAT_ANDROID_UA }))).toBe(true);
    expect(isWeChatRequest(new Headers({ "user-agent": CHROME_ANDROID }))).toBe(false);
    expect(isWeChatRequest(new Headers())).toBe(false);
  });
});
