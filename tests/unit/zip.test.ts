import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32, zipArchive } from '../../src/publish/zip.js';
import { fictionalRelease } from '../helpers/fixture.js';

/** Reads a ZIP back from its central directory, the way unzip tools do: name, DOS date and inflated content per entry. */
function readZip(bytes: Uint8Array): { name: string; date: number; content: string; crc: number }[] {
  const buffer = Buffer.from(bytes);
  const end = buffer.length - 22;
  expect(buffer.readUInt32LE(end)).toBe(0x06054b50);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = buffer.readUInt32LE(at + 42);
    const packedSize = buffer.readUInt32LE(at + 20);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const content = inflateRawSync(buffer.subarray(dataStart, dataStart + packedSize));
    expect(content.length, name).toBe(buffer.readUInt32LE(at + 24));
    entries.push({ name, date: buffer.readUInt16LE(at + 14), content: content.toString('utf8'), crc: buffer.readUInt32LE(at + 16) });
    at += 46 + nameLength;
  }
  return entries;
}

describe('the zip writer', () => {
  it('computes the CRC-32 ZIP uses, with zlib and without', () => {
    for (const checksum of [crc32, tableCrc32]) {
      expect(checksum(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
      expect(checksum(new Uint8Array())).toBe(0);
      expect(checksum(new Uint8Array([0xff, 0x00, 0x80]))).toBe(0xac616edf);
    }
  });

  it('writes entries that read back with their names, contents, checksums and the given date', () => {
    const zip = zipArchive(
      [
        { name: 'a/ü.csv', content: 'x,y\r\n1,2\r\n' },
        { name: 'b.txt', content: '' },
      ],
      '2030-01-10',
    );
    const entries = readZip(zip);
    expect(entries.map((e) => [e.name, e.content])).toEqual([
      ['a/ü.csv', 'x,y\r\n1,2\r\n'],
      ['b.txt', ''],
    ]);
    expect(entries[0]?.crc).toBe(crc32(new TextEncoder().encode('x,y\r\n1,2\r\n')));
    expect(entries[0]?.date).toBe(((2030 - 1980) << 9) | (1 << 5) | 10);
    // Deterministic: the same entries, the same bytes.
    expect(zipArchive([{ name: 'b.txt', content: '' }], '2030-01-10')).toEqual(zipArchive([{ name: 'b.txt', content: '' }], '2030-01-10'));
  });
});

describe('csv.zip', () => {
  it('holds every CSV table of the release, byte for byte', async () => {
    const release = await fictionalRelease();
    const zip = release.artifacts.find((a) => a.path === 'csv.zip');
    expect(zip?.mediaType).toBe('application/zip');
    const entries = readZip(zip?.content as Uint8Array);
    const tables = release.artifacts.filter((a) => a.path.startsWith('csv/'));
    expect(entries.map((e) => e.name).sort()).toEqual(tables.map((t) => t.path).sort());
    for (const table of tables) expect(entries.find((e) => e.name === table.path)?.content, table.path).toBe(release.text(table.path));
  });
});
