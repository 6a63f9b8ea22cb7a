/** Strings of the 建议提案 screens (zh-CN first, en-US), added to the app's i18next resources under `proposals`. */
import { i18n } from '../i18n/index.ts';

const zh = {
  title: '建议提案办理', list: '办理列表', stats: '统计分析', import: '批量导入', exportXlsx: '导出统计表',
  col: { number: '编号', title: '标题', kind: '类型', author: '领衔人', category: '分类', status: '状态', lead: '主办单位', deadline: '办理期限', outcome: '办理结果', satisfaction: '满意度' },
  filter: { all: '全部状态', due: '期限', overdue: '已超期', dueSoon: '即将到期', search: '标题、内容、领衔人', unit: '承办单位', reminder: '提醒：已超期 {{overdue}} 件，5个工作日内到期 {{dueSoon}} 件', show: '查看' },
  kind: { suggestion: '建议', proposal: '提案' },
  status: { registered: '已登记', assigned: '已交办', returned: '已退回', signed: '已签收', handling: '办理中', answered: '已答复', reviewed: '已审核', closed: '已办结' },
  outcome: { A: 'A 已解决', B: 'B 正在解决', C: 'C 计划解决', D: 'D 留作参考' },
  satisfaction: { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' },
  note: { progress: '办理进展', meeting: '见面沟通', phone: '电话沟通', draft: '答复草稿' },
  event: {
    registered: '登记', assigned: '交办', reassigned: '重新交办', signed: '签收', returned: '退回', note: '办理记录', countersigned: '协办意见',
    replied: '答复', reviewed: '审核通过', sentBack: '审核退回', feedback: '代表委员反馈',
  },
  detail: {
    info: '基本情况', timeline: '办理过程', session: '届次', group: '代表团/界别', coAuthors: '联名', contact: '联系方式', received: '收到日期',
    co: '协办单位', round: '第{{n}}轮办理', uncovered: '{{y}}年法定节假日安排尚未收录，期限暂按周一至周五计算，请在国务院公布后更新日历', reply: '答复内容', letter: '答复函 (PDF)', pending: '待同步', returnBy: '可退回至', suggested: '建议改交',
  },
  action: {
    assign: '交办', reassign: '重新交办', sign: '签收', return: '退回', note: '记录办理情况', countersign: '协办意见', reply: '答复', review: '审核', feedback: '记录满意度',
    lead: '主办单位', co: '协办单位', deadline: '办理期限（默认三个月，遇节假日顺延）', reason: '退回理由', suggestedUnit: '建议承办单位', text: '内容', kind: '类型',
    contactedOn: '沟通日期', opinion: '意见', agree: '同意', outcome: '办理结果类别', approve: '审核通过', sendBack: '退回修改', comment: '审核意见',
    satisfaction: '满意度', submit: '提交', done: '已保存',
  },
  imp: {
    pick: '选择 Excel 或 CSV 文件', template: '列：类型、届次、编号、标题、领衔人、联名人、代表团/界别、分类、内容、联系方式、收到日期',
    summary: '共 {{total}} 行：可导入 {{valid}} 行，有错误 {{invalid}} 行，疑似往年重复 {{flagged}} 行', row: '行', errors: '错误', similar: '往年相似',
    commit: '全部导入', blocked: '存在错误的行，请修改文件后重新导入（不会只导入部分）', committed: '已导入 {{n}} 件，正在同步', reading: '正在读取和校验…',
  },
  st: {
    unit: '承办单位', assigned: '交办', answered: '已答复', onTime: '按期答复', overdue: '超期', rate: '满意率', closed: '已办结', coHandled: '协办',
    outcomes: '办理结果分类', perUnit: '各单位办理情况', perSession: '各届次汇总', total: '件数', asOf: '截至 {{d}}', drill: '点击柱形查看该单位的件',
  },
};
type Dict = typeof zh;
const en: Dict = {
  title: 'Suggestions & proposals', list: 'Items', stats: 'Statistics', import: 'Import', exportXlsx: 'Export statistics',
  col: { number: 'No.', title: 'Title', kind: 'Kind', author: 'Lead author', category: 'Category', status: 'Status', lead: 'Lead unit', deadline: 'Deadline', outcome: 'Outcome', satisfaction: 'Satisfaction' },
  filter: { all: 'All statuses', due: 'Deadline', overdue: 'Overdue', dueSoon: 'Due soon', search: 'Title, content, author', unit: 'Unit', reminder: 'Reminder: {{overdue}} overdue, {{dueSoon}} due within 5 working days', show: 'Show' },
  kind: { suggestion: 'Suggestion', proposal: 'Proposal' },
  status: { registered: 'Registered', assigned: 'Assigned', returned: 'Returned', signed: 'Signed for', handling: 'Handling', answered: 'Answered', reviewed: 'Reviewed', closed: 'Closed' },
  outcome: { A: 'A Solved', B: 'B Being solved', C: 'C Planned', D: 'D For reference' },
  satisfaction: { satisfied: 'Satisfied', basically: 'Mostly satisfied', unsatisfied: 'Not satisfied' },
  note: { progress: 'Progress', meeting: 'Meeting', phone: 'Phone call', draft: 'Draft reply' },
  event: {
    registered: 'Registered', assigned: 'Assigned', reassigned: 'Reassigned', signed: 'Signed for', returned: 'Returned', note: 'Handling note', countersigned: 'Co-handler opinion',
    replied: 'Answered', reviewed: 'Review approved', sentBack: 'Sent back', feedback: 'Author feedback',
  },
  detail: {
    info: 'Details', timeline: 'Timeline', session: 'Session', group: 'Delegation/sector', coAuthors: 'Co-signers', contact: 'Contact', received: 'Received',
    co: 'Co-handling units', round: 'Round {{n}}', uncovered: 'The {{y}} public holiday arrangement is not in the calendar yet; the deadline counts Monday–Friday only until it is updated', reply: 'Reply', letter: 'Reply letter (PDF)', pending: 'Not yet synced', returnBy: 'Return by', suggested: 'Suggested unit',
  },
  action: {
    assign: 'Assign', reassign: 'Reassign', sign: 'Sign for', return: 'Return', note: 'Add note', countersign: 'Give opinion', reply: 'Answer', review: 'Review', feedback: 'Record feedback',
    lead: 'Lead unit', co: 'Co-handling units', deadline: 'Deadline (default 3 months, rolled past holidays)', reason: 'Reason', suggestedUnit: 'Suggested unit', text: 'Text', kind: 'Kind',
    contactedOn: 'Contact date', opinion: 'Opinion', agree: 'Agree', outcome: 'Outcome category', approve: 'Approve', sendBack: 'Send back', comment: 'Comment',
    satisfaction: 'Satisfaction', submit: 'Submit', done: 'Saved',
  },
  imp: {
    pick: 'Choose an Excel or CSV file', template: 'Columns: 类型, 届次, 编号, 标题, 领衔人, 联名人, 代表团/界别, 分类, 内容, 联系方式, 收到日期',
    summary: '{{total}} rows: {{valid}} valid, {{invalid}} with errors, {{flagged}} similar to earlier years', row: 'Row', errors: 'Errors', similar: 'Similar earlier',
    commit: 'Import all', blocked: 'Some rows have errors; fix the file and import again (nothing is imported partially)', committed: '{{n}} items imported, syncing', reading: 'Reading and checking…',
  },
  st: {
    unit: 'Unit', assigned: 'Assigned', answered: 'Answered', onTime: 'On time', overdue: 'Overdue', rate: 'Satisfaction', closed: 'Closed', coHandled: 'Co-handled',
    outcomes: 'Outcome categories', perUnit: 'By unit', perSession: 'By session', total: 'Items', asOf: 'As of {{d}}', drill: 'Click a bar to see that unit\'s items',
  },
};

export function ensureProposalStrings(): void {
  if (i18n.exists('proposals.title')) return;
  i18n.addResourceBundle('zh-CN', 'translation', { proposals: zh }, true, false);
  i18n.addResourceBundle('en-US', 'translation', { proposals: en }, true, false);
}
