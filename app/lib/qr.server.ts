import QRCode from "qrcode";

/**
 * The QR code for a link, as an SVG document string (black on white, quiet zone included).
 * Rendering belongs to the route: services return the link.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}
