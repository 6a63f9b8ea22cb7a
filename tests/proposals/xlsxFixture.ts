/** Builds import files for the proposal tests and benchmarks (the same columns as the office's template). */
import ExcelJS from 'exceljs';

export const HEADERS = ['类型', '届次', '编号', '标题', '领衔人', '联名人', '代表团/界别', '分类', '内容', '联系方式', '收到日期'];
const TOPICS = ['老旧小区改造', '冰雪旅游发展', '中小学课后服务', '松花江湿地保护', '地铁线网建设', '农村道路养护', '社区养老服务', '营商环境优化', '黑土地保护', '供热质量监管'];
const VERBS = ['加快推进', '进一步加强', '完善', '支持', '规范'];
const CATEGORIES = ['城乡建设', '文化旅游', '教育科技', '生态环境', '交通运输', '农业农村', '社会保障', '营商环境', '农业农村', '城乡建设'];

export function row(i: number, session = '市十六届人大五次会议'): (string | number | Date)[] {
  const topic = TOPICS[i % TOPICS.length];
  return [
    i % 3 === 0 ? '提案' : '建议', i % 3 === 0 ? '市政协十五届五次会议' : session, i,
    `关于${VERBS[i % VERBS.length]}${topic}工作的${i % 3 === 0 ? '提案' : '建议'}（${i}）`, `代表${i}`, `联名甲${i}、联名乙${i}`,
    i % 3 === 0 ? '经济界' : '道里代表团', CATEGORIES[i % CATEGORIES.length],
    `关于${topic}的具体意见：${'建议有关部门统筹资金、明确责任、加快实施。'.repeat(3)}`, `1380000${String(i).padStart(4, '0')}`,
    new Date(Date.UTC(2026, 0, 10 + (i % 20))),
  ];
}

export async function xlsxOf(rows: (string | number | Date | null)[][], headers = HEADERS): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('建议提案');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

export async function itemsXlsx(n: number, start = 1): Promise<Uint8Array> {
  return xlsxOf(Array.from({ length: n }, (_, k) => row(start + k)));
}
