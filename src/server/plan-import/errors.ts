/**
 * Typed errors of plan-text extraction. Each carries a stable code and a bilingual message
 * (Vietnamese first, as the CLI and the staff app show it).
 */

/** Why a file could not be turned into text. */
export type PlanImportErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_TEXT'
  | 'UNSAFE_ARCHIVE'
  | 'TOO_LARGE'
  | 'INTERRUPTED';

const MESSAGES: Record<PlanImportErrorCode, (detail: string) => string> = {
  FILE_NOT_FOUND: (d) => `Không tìm thấy tệp ${d} / File not found: ${d}`,
  FILE_UNREADABLE: (d) => `Không đọc được tệp ${d} / Cannot read the file: ${d}`,
  UNSUPPORTED_FORMAT: (d) =>
    `Định dạng tệp không được hỗ trợ (${d}); dùng .txt, .md, .html, .docx, .pdf, .png, .jpg hoặc .tif / Unsupported file format (${d}); use .txt, .md, .html, .docx, .pdf, .png, .jpg or .tif`,
  UNSAFE_ARCHIVE: (d) => `Tệp nén không an toàn, không mở (${d}) / Unsafe archive, not opened (${d})`,
  TOO_LARGE: (d) =>
    `Văn bản quá lớn để đọc trong giới hạn bộ nhớ (${d}) / The document is too large to read within the memory limit (${d})`,
  INTERRUPTED: (d) =>
    `Lần đọc trước bị gián đoạn, không thử lại (${d}); hãy tải lên lại / The previous reading was interrupted and is not retried (${d}); upload again`,
  NO_TEXT: (d) => `Tệp không có nội dung văn bản đọc được (${d}) / The file has no readable text (${d})`,
};

/** A file that is missing, unreadable, of an unsupported format, or without text. */
export class PlanImportError extends Error {
  override readonly name = 'PlanImportError';
  /**
   * @param code - stable error code.
   * @param detail - the file name or the reason, shown in the message.
   * @param options - the underlying error, if any.
   */
  constructor(
    readonly code: PlanImportErrorCode,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[code](detail), options);
  }
}
