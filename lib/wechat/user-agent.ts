// WeChat's in-app browser (微信内置浏览器) and what it cannot do. It opens every link pasted into a
// chat or scanned from a QR code, so learners meet the site there first. It ignores file
// downloads (an <a download>, an .xlsx or .pdf response) and window.print(), without an error:
// the button just does nothing. Pages offer another way there instead (components/wechat/).
// Pure, so the server (from the request's headers) and the browser (navigator.userAgent) agree.

/** WeChat on Android and iOS, its desktop apps and 企业微信 (WeCom) all send "MicroMessenger/x.y". */
const WECHAT = /\bMicroMessenger\//i;

export function isWeChatUserAgent(userAgent: string | null | undefined): boolean {
  return userAgent ? WECHAT.test(userAgent) : false;
}

/** For server components and route handlers: `isWeChatRequest(await headers())`. */
export function isWeChatRequest(headers: Pick<Headers, "get">): boolean {
  return isWeChatUserAgent(headers.get("user-agent"));
}
