/**
 * Text of an HTML page (a plan saved from Word as a web page, or copied from a law website):
 * block elements and table cells become lines, list items keep a dash, entities are decoded
 * (old Vietnamese sites write every accented letter as an entity: "Ng&agrave;y").
 */
import { decodeHTML } from 'entities';

const BLOCK = /<\/?(?:p|div|br|tr|li|ul|ol|table|tbody|thead|h[1-6]|section|article|blockquote|pre|hr)\b[^>]*>/gi;

/**
 * Converts HTML to plain text, one block or table cell per line.
 * @param html - the page.
 * @returns the text.
 */
export function htmlToText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return decodeHTML(
    body
      .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/t[dh]>/gi, '\n')
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
