/** Strings of the meeting screens (zh-CN first, en-US), added to the app's i18next resources under `meetings`. */
import { i18n } from '../i18n/index.ts';

const zh = {
  title: '会议通知', newNotice: '发会议通知', list: '列表', calendar: '月视图', organised: '我发起的', invited: '通知我单位的',
  colTitle: '会议名称', colTime: '时间', colPlace: '地点', colStatus: '状态', colMine: '本单位', colProgress: '签收/回执', conflict: '时间冲突',
  week: { tab: '周视图', prev: '上一周', next: '下一周', today: '本周', day0: '周一', day1: '周二', day2: '周三', day3: '周四', day4: '周五', day5: '周六', day6: '周日' },
  minutes: {
    heading: '会议纪要', none: '尚未上传纪要', add: '添加纪要文件', note: '说明（可选）', distribute: '分发纪要', distributed: '纪要已分发给参会单位',
    at: '分发时间', afterMeeting: '会议结束后上传纪要，将分发给所有参会单位。',
  },
  form: {
    heading: '发会议通知', title: '会议名称', type: '会议类型', start: '开始时间', end: '结束时间', place: '会议地点', room: '会议室（用于冲突检查）',
    organiser: '主办单位', contact: '联系人', phone: '联系电话', leaders: '领导（人）', staff: '工作人员（人）', extra: '可另带（人）',
    agenda: '会议议程（每行一项）', notes: '注意事项', deadline: '回执截止时间', urgency: '紧急程度', recipients: '参会单位', materials: '会议材料',
    addFile: '添加材料', send: '发送通知', saveDraft: '存草稿', roomBusy: '会议室在该时段已有会议：', sent: '会议通知已发送',
    byUnit: '分单位参会要求', byUnitHint: '个别单位的参会人数与上面的一般要求不同时填写', byUnitAdd: '为某单位单独设置', byUnitPick: '选择参会单位',
  },
  dash: {
    heading: '回执情况', invited: '通知单位', signed: '已签收', replied: '已回执', leave: '请假', substitute: '代会', notAnswered: '未回执',
    reconfirm: '待重新确认', attendees: '参会人数', required: '应到人数', remind: '催办未回执单位', reminded: '已催办 {{n}} 个单位',
    exportXlsx: '导出参会名单', signIn: '打印签到表', unit: '单位', state: '状态', people: '人数', remindCount: '催办次数', cancel: '取消会议',
    cancelReason: '取消原因', cancelled: '会议已取消',
  },
  reply: {
    notice: '会议通知', sign: '签收', signed: '已签收', changed: '会议有变更，请重新签收：', kind: '回执', attend: '参会', leave: '请假', substitute: '代会',
    name: '姓名', jobTitle: '职务', phone: '电话', addPerson: '添加参会人员', reason: '原因', insteadOf: '原定参会人', submit: '提交回执', submitted: '回执已提交',
    ics: '加入日历 (.ics)', mine: '本单位回执', deadline: '回执截止', requirement: '参会要求', printNotice: '打印通知',
  },
  state: { unsigned: '未签收', signed: '已签收未回执', attend: '参会', leave: '请假', substitute: '代会', reconfirm: '待重新确认' },
  status: { draft: '草稿', sent: '已发送', changed: '已变更', cancelled: '已取消' },
};
type Dict = typeof zh;
const en: Dict = {
  title: 'Meetings', newNotice: 'New meeting notice', list: 'List', calendar: 'Month', organised: 'Organised by us', invited: 'Invited',
  colTitle: 'Meeting', colTime: 'Time', colPlace: 'Place', colStatus: 'Status', colMine: 'Our unit', colProgress: 'Signed/replied', conflict: 'Clash',
  week: { tab: 'Week', prev: 'Previous week', next: 'Next week', today: 'This week', day0: 'Mon', day1: 'Tue', day2: 'Wed', day3: 'Thu', day4: 'Fri', day5: 'Sat', day6: 'Sun' },
  minutes: {
    heading: 'Minutes', none: 'No minutes yet', add: 'Add minutes file', note: 'Note (optional)', distribute: 'Distribute minutes', distributed: 'Minutes sent to the invited units',
    at: 'Distributed', afterMeeting: 'After the meeting, attach the minutes; they are sent to every invited unit.',
  },
  form: {
    heading: 'New meeting notice', title: 'Title', type: 'Type', start: 'Starts', end: 'Ends', place: 'Place', room: 'Room (for clash checks)',
    organiser: 'Organiser', contact: 'Contact', phone: 'Phone', leaders: 'Leaders', staff: 'Staff', extra: 'Extra allowed',
    agenda: 'Agenda (one item per line)', notes: 'Notes', deadline: 'Reply by', urgency: 'Urgency', recipients: 'Invited units', materials: 'Materials',
    addFile: 'Add file', send: 'Send notice', saveDraft: 'Save draft', roomBusy: 'The room is already booked: ', sent: 'Notice sent',
    byUnit: 'Per-unit attendance', byUnitHint: 'For units whose attendance differs from the general requirement above', byUnitAdd: 'Set for one unit', byUnitPick: 'Pick an invited unit',
  },
  dash: {
    heading: 'Replies', invited: 'Invited', signed: 'Signed', replied: 'Replied', leave: 'Excused', substitute: 'Substitute', notAnswered: 'No reply',
    reconfirm: 'To re-confirm', attendees: 'Attendees', required: 'Required', remind: 'Remind units without a reply', reminded: '{{n}} units reminded',
    exportXlsx: 'Export attendees', signIn: 'Sign-in sheet', unit: 'Unit', state: 'State', people: 'People', remindCount: 'Reminders', cancel: 'Cancel meeting',
    cancelReason: 'Reason', cancelled: 'Meeting cancelled',
  },
  reply: {
    notice: 'Notice', sign: 'Sign for it', signed: 'Signed', changed: 'The meeting changed; sign again:', kind: 'Reply', attend: 'Attend', leave: 'Excused', substitute: 'Substitute',
    name: 'Name', jobTitle: 'Title', phone: 'Phone', addPerson: 'Add attendee', reason: 'Reason', insteadOf: 'Instead of', submit: 'Send reply', submitted: 'Reply sent',
    ics: 'Add to calendar (.ics)', mine: 'Our reply', deadline: 'Reply by', requirement: 'Attendance', printNotice: 'Print notice',
  },
  state: { unsigned: 'Not signed', signed: 'Signed, no reply', attend: 'Attending', leave: 'Excused', substitute: 'Substitute', reconfirm: 'To re-confirm' },
  status: { draft: 'Draft', sent: 'Sent', changed: 'Changed', cancelled: 'Cancelled' },
};

/** Adds the strings once i18next is initialised (called when the meetings screen first renders). */
export function ensureMeetingStrings(): void {
  if (i18n.exists('meetings.title')) return;
  i18n.addResourceBundle('zh-CN', 'translation', { meetings: zh }, true, false);
  i18n.addResourceBundle('en-US', 'translation', { meetings: en }, true, false);
}
