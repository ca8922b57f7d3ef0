// Limits on what an upload may be: checked before parsing, so a hostile file costs nothing.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The sum of uncompressed entry sizes an .xlsx may declare (a 10 MB zip of 100k rows is ≈ 60 MB). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;
/** Declared uncompressed ÷ compressed: real worksheets compress 5–20×, bombs 1000×. */
export const MAX_COMPRESSION_RATIO = 200;
export const MAX_DATA_ROWS = 100_000;
export const MAX_COLUMNS = 200;
export const MAX_CELL_CHARS = 2000;
/** Header search: the header must be within the first rows (title rows above it are skipped). */
export const HEADER_SEARCH_ROWS = 30;

/** Why a file was refused as a whole. The message is shown to the user as is. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

export const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
