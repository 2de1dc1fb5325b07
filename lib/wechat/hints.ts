// What the site says inside WeChat where a real browser would download, print or save (shared
// by components/wechat/ and the browser tests that look for it).
export const OPEN_IN_BROWSER_TO_DOWNLOAD = "请点右上角「…」，选择「在浏览器打开」后下载";
export const OPEN_IN_BROWSER_TO_PRINT = "请点右上角「…」，选择「在浏览器打开」后打印";
export const LONG_PRESS_TO_SAVE = "打开后长按图片，可保存或发送给朋友";
