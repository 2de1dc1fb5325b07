// WeChat's in-app browser on Android (a Xiaomi phone, WeChat 8.0.47), exactly as it sends it: the
// Playwright "wechat" project and the unit tests of lib/wechat/ use the same string.
export const WECHAT_ANDROID_UA =
  "Mozilla/5.0 (Linux; Android 13; 22081212C Build/TKQ1.220829.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 " +
  "MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
