/** The QR code of a survey's public link, drawn on the server as SVG (npm `qrcode`, offline). */
import QRCode from 'qrcode';

/**
 * @param url - the absolute link the code opens.
 * @returns an SVG document.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
