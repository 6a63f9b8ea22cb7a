import { describe, expect, it } from 'vitest';
import { formatDocNumber, parseDocNumber } from '../../shared/domain/docNumber.ts';
import { isClassified, scanForClassifiedMarks } from '../../shared/domain/secrecy.ts';
import { detectFileKind } from '../../shared/domain/fileKind.ts';
import { canApply, nextStatus } from '../../shared/domain/deliveryRules.ts';
import { can } from '../../shared/domain/permissions.ts';

describe('文号', () => {
  it('formats typed fields as GB/T 9704 shows them', () => {
    expect(formatDocNumber({ prefix: '哈政办发', year: 2006, sequence: 12 })).toBe('哈政办发〔2006〕12号');
  });
  it('parses what a clerk types, with any common bracket', () => {
    expect(parseDocNumber('哈政办发〔2026〕3号')).toEqual({ prefix: '哈政办发', year: 2026, sequence: 3 });
    expect(parseDocNumber('哈政办发[2026]3号')).toEqual({ prefix: '哈政办发', year: 2026, sequence: 3 });
    expect(parseDocNumber('哈政办发（2026）15号')).toEqual({ prefix: '哈政办发', year: 2026, sequence: 15 });
  });
  it('refuses leading zeros, 第, missing parts and non-Chinese prefixes', () => {
    for (const bad of ['哈政办发〔2026〕012号', '哈政办发〔2026〕第12号', '哈政办发2026 12号', 'HZB〔2026〕1号', '哈政办发〔26〕1号', '哈政办发〔2026〕0号', '']) {
      expect(parseDocNumber(bad), bad).toBeNull();
    }
  });
});

describe('密级', () => {
  it('treats 秘密/机密/绝密 as classified and 非密/内部 as not', () => {
    expect(isClassified('secret')).toBe(true);
    expect(isClassified('confidential')).toBe(true);
    expect(isClassified('top-secret')).toBe(true);
    expect(isClassified('none')).toBe(false);
    expect(isClassified('internal')).toBe(false);
  });
  it('finds marks at the top of page 1 and starred marks anywhere', () => {
    expect(scanForClassifiedMarks(['000123\n机密★1年\n特急\n哈尔滨市人民政府办公厅文件'])).toEqual({ page: 1, mark: '机密★1年' });
    expect(scanForClassifiedMarks(['绝 密\n关于……的通知'])).toEqual({ page: 1, mark: '绝密' });
    expect(scanForClassifiedMarks(['普通通知', '附件\n秘密★10年'])).toEqual({ page: 2, mark: '秘密★10年' });
  });
  it('does not flag running text that mentions secrecy', () => {
    expect(scanForClassifiedMarks(['关于做好保守秘密工作的通知\n各单位要严格保守国家秘密'])).toBeNull();
    expect(scanForClassifiedMarks(['哈尔滨市人民政府办公厅文件\n' + '正文'.repeat(20) + '\n机密'])).toBeNull();
  });
});

describe('file kind by content', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('recognises a PDF whatever its name, and refuses a renamed text file', () => {
    expect(detectFileKind(bytes('%PDF-1.7\n...'), 'x.bin')).toBe('pdf');
    expect(detectFileKind(bytes('hello, I am text'), 'report.pdf')).toBeNull();
  });
  it('recognises PNG and JPEG by magic bytes', () => {
    expect(detectFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.png')).toBe('png');
    expect(detectFileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.jpg')).toBe('jpeg');
  });
});

describe('delivery lifecycle', () => {
  it('allows sign, refuse, recall, remind only while delivered; register only after signing', () => {
    expect(nextStatus('sign', 'delivered')).toBe('signed');
    expect(nextStatus('register', 'signed')).toBe('registered');
    expect(nextStatus('refuse', 'delivered')).toBe('refused');
    expect(nextStatus('recall', 'delivered')).toBe('recalled');
    expect(canApply('recall', 'signed')).toBe(false);
    expect(canApply('register', 'delivered')).toBe(false);
    expect(canApply('sign', 'recalled')).toBe(false);
    expect(canApply('remind', 'signed')).toBe(false);
  });
  it('lets only clerks, secretaries and admins send and receive', () => {
    expect(can(['clerk'], 'documents.send')).toBe(true);
    expect(can(['leader'], 'documents.send')).toBe(false);
    expect(can(['handler'], 'documents.read')).toBe(true);
  });
});

describe('bridge frames', async () => {
  const { encodeFrame, decodeFrame } = await import('../../shared/ipc/bridge.ts');
  it('round-trips bytes of every length inside JSON', () => {
    for (const n of [0, 1, 2, 3, 4, 255, 1000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37) % 256);
      const back = decodeFrame(encodeFrame({ id: 1, input: { name: '附件.pdf', data } })) as { input: { data: Uint8Array; name: string } };
      expect(back.input.name).toBe('附件.pdf');
      expect(Array.from(back.input.data)).toEqual(Array.from(data));
    }
  });
});
