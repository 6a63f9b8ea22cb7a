/** zh-CN strings (default language). en-US mirrors these keys exactly (checked by the type in en-US.ts). */
export const zhCN = {
  app: { name: '协同办公', fullName: '协同 · 公文交换' },
  nav: {
    documents: '公文交换', inbox: '收文', compose: '发文', sent: '已发', search: '检索',
    others: '其他业务', meetings: '会议', proposals: '建议提案', reports: '信息', duty: '值班',
  },
  header: { logout: '退出登录', language: 'English', languageTitle: '切换语言' },
  status: {
    online: '在线', offline: '离线', live: '实时', pending: '待发送 {{count}} 项', uploading: '上传中 {{count}} 个',
    lastSynced: '上次同步 {{time}}', neverSynced: '尚未同步', syncNow: '立即同步', workOffline: '脱机工作', goOnline: '恢复联网',
    offlineBanner: '当前处于离线状态：可以继续阅读和办理，操作已保存在本机，联网后自动发送。',
    rejected: '{{count}} 项操作被服务器拒绝',
  },
  common: {
    loading: '正在加载…', empty: '暂无数据', retry: '重试', cancel: '取消', ok: '确定', save: '保存', close: '关闭',
    back: '返回', refresh: '刷新', pendingSync: '待同步', all: '全部', clear: '清除', total: '共 {{count}} 条',
  },
  login: {
    title: '登录', subtitle: '市政府公文交换与协同办公平台', server: '服务器地址', serverPlaceholder: '例如 https://oa.example.gov.cn',
    serverHint: '留空则使用本机演示服务器', username: '用户名', password: '密码', submit: '登 录',
    required: '请输入{{field}}', expired: '登录已过期，请重新登录',
  },
  urgency: { normal: '平件', urgent: '加急', 'extra-urgent': '特急' },
  secrecy: { none: '非密', internal: '内部', secret: '秘密', confidential: '机密', 'top-secret': '绝密' },
  delivery: {
    delivered: '待签收', signed: '已签收', registered: '已登记', refused: '已退回', recalled: '已撤回',
    main: '主送', copy: '抄送',
  },
  inbox: {
    title: '收文', docNumber: '文号', docTitle: '标题', from: '来文单位', date: '送达时间', urgency: '缓急', status: '状态',
    unsignedOnly: '只看待签收', urgentOnly: '只看紧急', fromUnit: '来文单位', dateRange: '送达日期',
    emptyTitle: '没有收文', emptyHint: '新的来文会自动出现在这里', keyboardHint: '↑ ↓ 选择，Enter 打开',
    reminded: '已催办 {{count}} 次', unread: '未读',
  },
  doc: {
    metadata: '文件信息', docNumber: '发文字号', sender: '发文单位', sentBy: '发文人', sentAt: '发文时间', urgency: '紧急程度',
    secrecy: '密级', mainTo: '主送', copyTo: '抄送', note: '附言', mainFile: '正文', attachments: '附件', noFile: '无电子文件',
    sign: '签收', refuse: '退回', register: '登记', download: '下载', print: '打印', opinion: '签收意见（可选）',
    reason: '退回理由', reasonRequired: '请填写退回理由', signed: '已签收', refused: '已退回', registered: '已登记',
    signedInfo: '{{by}} 于 {{at}} 签收，签收编号 {{number}}', myStatus: '本单位状态', notPdf: '该文件不是 PDF，请下载后查看。',
    pages: '共 {{count}} 页', loadingFile: '正在读取文件…', pendingNote: '本机操作尚未同步到服务器', notFound: '文件不存在或无权查看',
  },
  compose: {
    title: '发文', docTitle: '标题', docTitlePlaceholder: '请输入公文标题', docNumber: '发文字号', docNumberPlaceholder: '如 哈政办发〔2026〕12号',
    docNumberHint: '机关代字〔年份〕序号号，序号不编虚位', urgency: '紧急程度', secrecy: '密级', mainTo: '主送单位', copyTo: '抄送单位',
    pickUnits: '选择单位', mainFile: '正文', attachments: '附件', dropMain: '将正文 PDF 拖到此处，或点击选择',
    dropAttachments: '将附件拖到此处，或点击选择（PDF、OFD、Word、Excel、图片）', note: '附言', confirm: '本人确认：所发文件不涉及国家秘密',
    confirmRequired: '请确认所发文件不涉及国家秘密', classifiedRefused: '涉密文件严禁通过本系统传输',
    send: '发 送', saveDraft: '存草稿', drafts: '草稿箱', draftSaved: '草稿已保存', noDrafts: '暂无草稿', loadDraft: '打开',
    deleteDraft: '删除', sent: '已发送', sentOffline: '已保存在本机，联网后自动发送', titleRequired: '请输入标题',
    staged: '待上传', uploading: '上传中', mainFileRequired: '请添加正文文件', uploaded: '已上传', reading: '读取中', remove: '移除', newDoc: '新建',
  },
  picker: {
    search: '按名称或拼音首字母搜索', selected: '已选 {{count}} 个单位', clear: '清空', groups: '快捷分组',
    title: '选择单位', none: '未选择', noMatch: '没有匹配的单位',
  },
  sent: {
    title: '已发', progress: '签收进度', signedOf: '{{signed}} / {{total}} 已签收', refusedN: '{{count}} 家退回',
    grid: '签收情况', legend: '图例', recall: '撤回', remind: '催办未签收', remindSelected: '催办所选', reissue: '补发',
    reissueTitle: '补发给新增单位', reminded: '已催办 {{count}} 家', recalled: '已撤回', recallConfirm: '撤回 {{unit}} 的文件？',
    remindMessage: '催办留言（可选）', emptyTitle: '还没有发出的公文', queued: '排队中', rejected: '发送失败',
    selectHint: '点击单位查看详情；已送达未签收的单位可以撤回或催办', unitDetail: '单位详情', remindCount: '催办次数',
  },
  search: {
    title: '检索', placeholder: '输入标题、文号或正文中的文字（离线可用）', button: '搜索', emptyTitle: '没有找到相关公文',
    hint: '支持中文全文检索，数据来自本机', inbox: '收文', sent: '发文', results: '找到 {{count}} 条结果',
  },
  placeholder: { title: '{{name}}', body: '该子系统将在后续版本提供', back: '返回收文' },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
