import type { BatchFormat } from './batch-rows';

/** A file part of a multipart upload, as multer hands it over (memory storage). */
export interface UploadedBatchFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

const BY_MEDIA_TYPE: Record<string, BatchFormat> = {
  'text/csv': 'csv',
  'application/vnd.ms-excel': 'csv', // what Windows browsers send for a .csv file
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

const BY_EXTENSION: Record<string, BatchFormat> = { csv: 'csv', jsonl: 'ndjson', ndjson: 'ndjson' };

/** The format of a raw upload from its Content-Type, e.g. `text/csv; charset=gbk` → csv. */
export function formatOfMediaType(contentType: string | undefined): BatchFormat | undefined {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return Object.hasOwn(BY_MEDIA_TYPE, mediaType) ? BY_MEDIA_TYPE[mediaType] : undefined;
}

/** The format of an uploaded file: by its extension, else by the media type the browser gave it. */
export function formatOfFile(file: UploadedBatchFile): BatchFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(file.originalname)?.[1]?.toLowerCase() ?? '';
  if (Object.hasOwn(BY_EXTENSION, extension)) return BY_EXTENSION[extension];
  return formatOfMediaType(file.mimetype);
}

/**
 * A file's text: UTF-8 (with or without BOM) when it is valid UTF-8, otherwise GB18030 (a superset of GBK),
 * which is how a Chinese Excel saves CSV. A browser form cannot declare a file's charset, so we tell.
 */
export function decodeUpload(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}
