/**
 * Opening ZIP archives (.docx) without trusting them (issue #16 point 3): a 306 KB .docx that
 * unzips to 300 MB killed the server. Before anything is inflated, the central directory is
 * read and the archive refused when it has too many entries, declares too much unpacked data
 * or an entry compresses implausibly well; then only the wanted entries are inflated, as a
 * stream, counting the bytes really produced, because a header can lie about sizes.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { PlanImportError } from './errors';

/** Limits of {@link safeUnzip}. */
export interface ArchiveLimits {
  /** Most entries an archive may list (a .docx has a few dozen). */
  readonly maxEntries: number;
  /** Most bytes all entries together may declare unpacked. */
  readonly maxTotalBytes: number;
  /** Most bytes the wanted entries may really inflate to. */
  readonly maxReadBytes: number;
  /** Highest unpacked/packed ratio of one entry larger than 1 MiB (text XML is ~10–30). */
  readonly maxRatio: number;
}

/** Defaults: generous for real office files (images are stored, not shrunk), fatal for bombs. */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxReadBytes: 32 * 1024 * 1024,
  maxRatio: 200,
};

const MiB = 1024 * 1024;

function refuse(name: string, why: string): never {
  throw new PlanImportError('UNSAFE_ARCHIVE', `${name}: ${why}`);
}

/**
 * Reads some entries of a ZIP archive within limits.
 * @param data - the archive's bytes.
 * @param wanted - which entry names to return.
 * @param name - the file name, for messages.
 * @param limits - the limits (defaults {@link DEFAULT_ARCHIVE_LIMITS}).
 * @returns the wanted entries, inflated.
 * @throws PlanImportError UNSAFE_ARCHIVE when a limit is passed; Error when it is not a ZIP.
 */
export function safeUnzip(
  data: Uint8Array,
  wanted: (entry: string) => boolean,
  name: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Record<string, Uint8Array> {
  // 1. The central directory only: the filter sees every entry and inflates none.
  let entries = 0;
  let declared = 0;
  unzipSync(data, {
    filter: (f) => {
      entries++;
      declared += f.originalSize;
      if (entries > limits.maxEntries) refuse(name, `hơn ${limits.maxEntries} mục / more than ${limits.maxEntries} entries`);
      if (declared > limits.maxTotalBytes)
        refuse(name, `giải nén quá ${limits.maxTotalBytes / MiB} MB / unpacks to more than ${limits.maxTotalBytes / MiB} MB`);
      if (f.originalSize > MiB && f.originalSize / Math.max(1, f.size) > limits.maxRatio)
        refuse(name, `tỷ lệ nén bất thường ở ${f.name} / implausible compression ratio in ${f.name}`);
      return false;
    },
  });
  // 2. The wanted entries, streamed, counting what is really produced.
  const out: Record<string, Uint8Array> = {};
  let produced = 0;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      produced += chunk.length;
      if (produced > limits.maxReadBytes)
        refuse(name, `nội dung quá ${limits.maxReadBytes / MiB} MB / content larger than ${limits.maxReadBytes / MiB} MB`);
      chunks.push(chunk);
      if (final) {
        const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        out[file.name] = all;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Push in slices so a lying entry is stopped after a bounded amount of output.
  const step = 64 * 1024;
  for (let i = 0; i < data.length; i += step) unzip.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
  return out;
}
