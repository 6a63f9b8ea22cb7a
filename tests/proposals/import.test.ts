import { describe, expect, it } from 'vitest';
import { buildImportPreview, mapHeaders, parseCellDate, type SheetTable } from '../../shared/domain/proposalsImport.ts';
import { AppError } from '../../shared/errors.ts';
import { TitleIndex, normalizeTitle, titleSimilarity } from '../../shared/domain/proposalsSimilarity.ts';

const HEAD = ['类型', '届次', '编号', '标题', '领衔人', '联名人', '代表团/界别', '分类', '内容', '联系方式', '收到日期', '备注'];
const row = (over: Record<number, unknown> = {}) => {
  const base: unknown[] = ['建议', '市十六届人大五次会议', 12, '关于加快推进老旧小区改造的建议', '张三', '李四、王五，赵六', '道里代表团', '城乡建设', '内容……', '13800000000', new Date(Date.UTC(2026, 0, 20)), '无'];
  for (const [i, v] of Object.entries(over)) base[Number(i)] = v;
  return base as SheetTable['rows'][number];
};

describe('import: columns', () => {
  it('maps template and alias headers, reports ignored ones', () => {
    const { columns, ignored } = mapHeaders(['案由', '类型', '届次', '案号', '提出人', '分类', '正文', '提交日期', '其他']);
    expect(columns.get('title')).toBe(0);
    expect(columns.get('number')).toBe(3);
    expect(ignored).toEqual(['其他']);
  });
  it('refuses a file that lacks required columns, naming them', () => {
    try {
      mapHeaders(['标题', '内容']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('PROPOSAL_IMPORT_BAD_FILE');
      expect((e as AppError).message).toContain('届次');
      expect((e as AppError).message).toContain('收到日期');
    }
  });
});

describe('import: dates', () => {
  it('reads the date forms clerks type and Excel serials', () => {
    expect(parseCellDate('2026-01-20')).toBe('2026-01-20');
    expect(parseCellDate('2026/1/5')).toBe('2026-01-05');
    expect(parseCellDate('2026年1月5日')).toBe('2026-01-05');
    expect(parseCellDate(46042)).toBe('2026-01-20');
    expect(parseCellDate(new Date(Date.UTC(2026, 0, 20)))).toBe('2026-01-20');
  });
  it('refuses impossible or malformed dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '20260120', '明天', '', null, 3.5]) expect(parseCellDate(bad as never), String(bad)).toBeNull();
  });
});

describe('import: preview', () => {
  it('turns good rows into drafts, splitting co-signers', () => {
    const p = buildImportPreview({ headers: HEAD, rows: [row()] }, []);
    expect(p.ignoredColumns).toEqual(['备注']);
    expect(p.rows[0].errors).toEqual([]);
    expect(p.rows[0].draft).toMatchObject({ kind: 'suggestion', number: 12, year: 2026, coAuthors: ['李四', '王五', '赵六'], receivedOn: '2026-01-20' });
  });
  it('reports every bad cell of a row with the spreadsheet row number', () => {
    const p = buildImportPreview({ headers: HEAD, rows: [row(), row({ 0: '议案', 2: 'A12', 3: '', 10: '2026-02-30' })] }, []);
    const bad = p.rows[1];
    expect(bad.row).toBe(3);
    expect(bad.draft).toBeNull();
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['收到日期', '标题', '类型', '编号'].sort());
    expect(bad.errors.find((e) => e.field === '标题')?.message).toBe('不能为空');
  });
  it('flags a number used twice in the file and one already registered', () => {
    const existing = [{ id: '01900000-0000-7000-8000-0000000000aa', kind: 'suggestion' as const, session: '市十六届人大五次会议', number: 7, title: '关于某事的建议', year: 2026 }];
    const p = buildImportPreview({ headers: HEAD, rows: [row(), row({ 3: '另一个标题' }), row({ 2: 7, 3: '第三个标题' }), row({ 0: '提案', 3: '提案标题' })] }, existing);
    expect(p.rows[0].errors).toEqual([]);
    expect(p.rows[1].errors[0].message).toContain('第2行');
    expect(p.rows[2].errors[0].message).toContain('已登记');
    expect(p.rows[3].errors).toEqual([]); // same number, other kind: a different series
  });
  it('skips empty rows and flags similar titles from earlier years only', () => {
    const existing = [
      { id: '01900000-0000-7000-8000-0000000000b1', kind: 'suggestion' as const, session: '市十六届人大四次会议', number: 3, title: '关于加快老旧小区改造的建议', year: 2025 },
      { id: '01900000-0000-7000-8000-0000000000b2', kind: 'proposal' as const, session: '市政协十五届五次会议', number: 9, title: '关于加快推进老旧小区改造工作的提案', year: 2026 },
    ];
    const p = buildImportPreview({ headers: HEAD, rows: [[null, '', null], row()] }, existing);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].similar.map((s) => s.year)).toEqual([2025]);
    expect(p.rows[0].similar[0].score).toBeGreaterThanOrEqual(0.5);
  });
});

describe('similar titles', () => {
  it('ignores the 关于…的建议 frame and punctuation', () => {
    expect(normalizeTitle('关于加快老旧小区改造的建议')).toBe('加快老旧小区改造');
    expect(normalizeTitle('关于“城市书房”建设的提案。')).toBe('城市书房建设');
  });
  it('scores near-duplicates high and unrelated titles low', () => {
    expect(titleSimilarity('关于加快老旧小区改造的建议', '关于加快推进老旧小区改造的建议')).toBeCloseTo(0.6, 5);
    expect(titleSimilarity('关于加快老旧小区改造的建议', '关于加强中小学课后服务的提案')).toBeLessThan(0.2);
  });
  it('finds candidates through the index, best first', () => {
    const idx = new TitleIndex([
      { id: 'a', title: '关于加快老旧小区改造的建议', year: 2024 },
      { id: 'b', title: '关于老旧小区加装电梯的建议', year: 2025 },
      { id: 'c', title: '关于冰雪旅游发展的建议', year: 2025 },
    ]);
    expect(idx.findSimilar('关于加快老旧小区改造的建议', { threshold: 0.2 }).map((s) => s.id)).toEqual(['a', 'b']);
    expect(idx.findSimilar('关于加快老旧小区改造的建议', { beforeYear: 2024 })).toEqual([]);
  });
});
