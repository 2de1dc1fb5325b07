import "server-only";
import QRCode from "qrcode";

/** A QR code as a PNG data URL, for an <img> in a server-drawn image. Level M survives a poster
 * photographed off a screen or printed small; the quiet zone is part of the picture. */
export function qrDataUrl(text: string, size: number): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, width: size });
}
