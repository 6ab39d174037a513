import { decodeUpload, formatOfFile, formatOfMediaType } from './batch-upload';

describe('batch uploads', () => {
  it('tells the format from the media type or the file name', () => {
    expect(formatOfMediaType('text/csv; charset=gbk')).toBe('csv');
    expect(formatOfMediaType('application/x-ndjson')).toBe('ndjson');
    expect(formatOfMediaType('application/json')).toBeUndefined();
    expect(formatOfMediaType('constructor')).toBeUndefined();
    const file = (originalname: string, mimetype: string) => ({
      originalname,
      mimetype,
      buffer: Buffer.alloc(0),
    });
    expect(formatOfFile(file('意见箱.CSV', 'application/octet-stream'))).toBe('csv');
    expect(formatOfFile(file('forum.jsonl', 'application/octet-stream'))).toBe('ndjson');
    expect(formatOfFile(file('export', 'application/vnd.ms-excel'))).toBe('csv');
    expect(formatOfFile(file('photo.jpg', 'image/jpeg'))).toBeUndefined();
  });

  it('reads UTF-8, and GBK from a Chinese Excel', () => {
    expect(decodeUpload(Buffer.from('编号,标题', 'utf8'))).toBe('编号,标题');
    // 中文 in GBK
    expect(decodeUpload(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
  });
});
