// An .xlsx is a zip. Before any parsing we read the central directory ourselves and inflate
// every entry with a hard output limit, so a zip bomb (whose headers may lie) is refused cheaply.
// The inflated XML parts are kept for the reader (lib/import/xlsx.ts), which then needs no unzip.
import { inflateRawSync } from "node:zlib";
import { ImportRefused, MAX_COMPRESSION_RATIO, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from "./limits";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const NOT_XLSX = "文件不是有效的 Excel（.xlsx）文件，请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后重试";
const BOMB = "文件解压后过大或压缩比异常，疑似压缩炸弹，已拒绝";

function findEndOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export type ZipSummary = { entries: number; uncompressedBytes: number };

export function checkXlsxZip(buf: Buffer): ZipSummary {
  return unzipXlsx(buf, () => false).summary;
}

/** checkXlsxZip, keeping the inflated entries whose names `keep` accepts (name → bytes). */
export function unzipXlsx(buf: Buffer, keep: (name: string) => boolean): { summary: ZipSummary; entries: Map<string, Buffer> } {
  const entries = new Map<string, Buffer>();
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw new ImportRefused(NOT_XLSX);
  const end = findEndOfDirectory(buf);
  if (end < 0) throw new ImportRefused(NOT_XLSX);
  const count = buf.readUInt16LE(end + 10);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ImportRefused("不支持 ZIP64 格式的文件，请用 Excel 重新保存后再导入");
  if (count > MAX_ZIP_ENTRIES) throw new ImportRefused(`文件内部条目过多（${count} 个），已拒绝`);

  let total = 0;
  let p = dirOffset;
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ImportRefused(NOT_XLSX);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    names.add(name);
    p += 46 + nameLen + extraLen + commentLen;

    total += size;
    if (total > MAX_UNZIPPED_BYTES) throw new ImportRefused(BOMB);
    if (compressed > 0 && size / compressed > MAX_COMPRESSION_RATIO && size > 1024 * 1024) throw new ImportRefused(BOMB);
    if (method !== 0 && method !== 8) throw new ImportRefused(NOT_XLSX);
    const data = inflateWithLimit(buf, localOffset, method, compressed, size);
    if (keep(name)) entries.set(name, data);
  }
  if (!names.has("[Content_Types].xml") || ![...names].some((x) => x.startsWith("xl/"))) throw new ImportRefused(NOT_XLSX);
  return { summary: { entries: count, uncompressedBytes: total }, entries };
}

/** Inflates one entry, refusing it when it produces more than it declared (lying headers). */
function inflateWithLimit(buf: Buffer, localOffset: number, method: number, compressed: number, size: number): Buffer {
  if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw new ImportRefused(NOT_XLSX);
  const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
  const data = buf.subarray(start, start + compressed);
  if (method === 0) {
    if (data.length !== size) throw new ImportRefused(NOT_XLSX);
    return data;
  }
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
    if (out.length !== size) throw new ImportRefused(NOT_XLSX);
    return out;
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ImportRefused(BOMB);
    throw new ImportRefused(NOT_XLSX);
  }
}
