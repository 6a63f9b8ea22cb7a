/** Sample 公文 descriptions and a generated red seal image for the PDF tests and the benchmark. */
import zlib from 'node:zlib';
import type { GongwenSpecInput } from '../../shared/schemas/gongwen.ts';
import { AppError } from '../../shared/errors.ts';

/** A 300×300 PNG: red ring with a five-pointed star, transparent elsewhere (stands in for an office seal). */
export function sealPng(size = 300): Uint8Array {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  const star: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const r = (k % 2 === 0 ? 0.3 : 0.12) * size;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    star.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
  }
  const inStar = (x: number, y: number) => {
    let inside = false;
    for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
      const [xi, yi] = star[i];
      const [xj, yj] = star[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const on = (d <= c - 2 && d >= c - 14) || inStar(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = 230;
      raw[o + 1] = 0;
      raw[o + 2] = 18;
      raw[o + 3] = on ? 220 : 0;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

const PARA =
  '为进一步加强全市政务服务工作，提高办事效率，方便群众办事，根据《国务院办公厅关于加快推进政务服务标准化规范化便利化的指导意见》（国办发〔2022〕5号）精神，结合我市实际，现就有关事项通知如下，请各地区、各部门认真贯彻落实，确保各项措施落到实处、取得实效。';

/** A full 公文 with every element; `paragraphs` controls its length (≈ 4 pages at the default). */
export function sampleSpec(paragraphs = 9): GongwenSpecInput {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 3 === 0) body.push(`${'一二三四五六七八九十'[Math.floor(i / 3) % 10]}、总体要求和主要任务`);
    body.push(i % 3 === 1 ? `（${'一二三四五六七八九十'[i % 10]}）加强组织领导。${PARA}` : PARA);
  }
  return {
    format: 'standard',
    copyNumber: '000123',
    urgency: '特急',
    organMark: '哈尔滨市人民政府办公厅文件',
    docNumber: { prefix: '哈政办发', year: 2026, sequence: 12 },
    title: '哈尔滨市人民政府办公厅关于进一步加强政务服务标准化规范化便利化工作的通知',
    mainRecipients: '各区、县（市）人民政府，市政府各委、办、局，各有关单位',
    body,
    attachments: [
      { name: '政务服务事项清单', body: ['一、市级政务服务事项', PARA, '二、区级政务服务事项', PARA] },
      { name: '政务服务标准化工作任务分工表' },
    ],
    signature: '哈尔滨市人民政府办公厅',
    date: '2026-03-05',
    seal: { image: `data:image/png;base64,${Buffer.from(sealPng()).toString('base64')}` },
    note: '此件公开发布',
    copyTo: ['市委各部门', '市人大常委会办公厅', '市政协办公厅', '市法院', '市检察院'],
    printedBy: { organ: '哈尔滨市人民政府办公厅', date: '2026-03-05' },
  };
}

export function meetingNoticeSpec(): GongwenSpecInput {
  return {
    format: 'meeting-notice',
    organMark: '哈尔滨市人民政府办公厅文件',
    docNumber: { prefix: '哈政办发', year: 2026, sequence: 15 },
    title: '关于召开全市安全生产工作会议的通知',
    mainRecipients: '各区、县（市）人民政府，市政府各有关部门',
    body: ['经市政府同意，定于2026年3月10日召开全市安全生产工作会议。现将有关事项通知如下：'],
    meeting: {
      name: '全市安全生产工作会议',
      time: '2026年3月10日（星期二）上午9:00',
      place: '市政府第一会议室（市政府主楼三楼）',
      attendees: ['各区、县（市）政府分管负责同志', '市安委会各成员单位主要负责同志'],
      agenda: ['通报2025年全市安全生产工作情况', '部署2026年安全生产重点工作', '市政府领导讲话'],
      requirements: ['请参会人员提前15分钟入场，会议期间将手机调至静音状态。', '请各单位于3月9日下班前将参会人员名单报市政府办公厅。'],
      contact: '张明，0451-86661234',
    },
    signature: '哈尔滨市人民政府办公厅',
    date: '2026-03-06',
    copyTo: ['市委办公厅'],
    printedBy: { organ: '哈尔滨市人民政府办公厅', date: '2026-03-06' },
  };
}

/** The AppError code a promise rejects with ('resolved' when it does not reject). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof AppError ? e.code : `non-AppError: ${String(e)}`;
  }
}
