/**
 * Stable error codes with zh-CN and en-US messages. Logs keep the code, the UI shows the message.
 * Every boundary (IPC router, HTTP routes, sync engine) turns failures into an AppError.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { zh: '输入不符合要求', en: 'The input is not valid' },
  NOT_FOUND: { zh: '记录不存在或无权查看', en: 'Not found or not visible to you' },
  FORBIDDEN: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  AUTH_REQUIRED: { zh: '请先登录', en: 'Please log in' },
  AUTH_BAD_PASSWORD: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  AUTH_LOCKED: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
  AUTH_DISABLED: { zh: '账号或单位已停用', en: 'The account or unit is disabled' },
  AUTH_SESSION_EXPIRED: { zh: '登录已过期，请重新登录', en: 'Your session has expired; log in again' },
  DOC_CLASSIFIED_REFUSED: {
    zh: '涉密文件（秘密、机密、绝密）严禁通过本系统传输，请按保密规定线下办理',
    en: 'Classified material (secret, confidential, top secret) must never enter this system',
  },
  DOC_NUMBER_INVALID: { zh: '发文字号格式不正确，应如：哈政办发〔2026〕12号', en: 'The document number is malformed (e.g. 哈政办发〔2026〕12号)' },
  DOC_NO_RECIPIENT: { zh: '请至少选择一个主送单位', en: 'Choose at least one main recipient' },
  DOC_BLOB_MISSING: { zh: '附件尚未上传完成', en: 'An attachment has not been uploaded yet' },
  DELIVERY_BAD_STATE: { zh: '当前状态下不能执行该操作', en: 'This action is not allowed in the current state' },
  DELIVERY_ALREADY_SIGNED: { zh: '对方已签收，不能撤回', en: 'Already signed for; it can no longer be recalled' },
  BLOB_TOO_LARGE: { zh: '附件超过大小限制', en: 'The attachment is too large' },
  BLOB_TYPE_REFUSED: { zh: '附件类型不受支持（仅限 PDF、OFD、Word、Excel、图片）', en: 'Unsupported attachment type (PDF, OFD, Word, Excel, images only)' },
  BLOB_HASH_MISMATCH: { zh: '附件内容校验失败，请重新上传', en: 'The attachment checksum does not match; upload it again' },
  BLOB_OFFSET_MISMATCH: { zh: '续传位置不一致', en: 'The resume offset does not match' },
  BLOB_BAD_NAME: { zh: '文件名不合法', en: 'The file name is not allowed' },
  PDF_BROKEN: { zh: 'PDF 文件已损坏或无法读取', en: 'The PDF is damaged or unreadable' },
  PDF_ENCRYPTED: { zh: 'PDF 文件已加密，请提供未加密版本', en: 'The PDF is encrypted; provide an unencrypted copy' },
  PDF_GLYPH_MISSING: { zh: '所选字体均不含某些字符，无法生成公文（见详情中的字符）', en: 'Some characters are missing from every configured font (see details)' },
  PDF_TOO_LARGE: { zh: 'PDF 页数或体积超过处理上限', en: 'The PDF has too many pages or is too large to process' },
  SYNC_EPOCH_CHANGED: { zh: '服务器数据已恢复，正在重新同步', en: 'The server was restored; resynchronising' },
  SYNC_OFFLINE: { zh: '网络不可用，已保存在本地，联网后自动发送', en: 'Offline: saved locally and sent when back online' },
  SERVER_UNREACHABLE: { zh: '无法连接服务器', en: 'Cannot reach the server' },
  PAYLOAD_TOO_LARGE: { zh: '请求过大', en: 'The request is too large' },
  CONFLICT: { zh: '数据已被修改，请刷新后重试', en: 'The record changed; refresh and retry' },
  DEADLINE_PASSED: { zh: '已超过截止时间', en: 'The deadline has passed' },
  DISK_FULL: { zh: '磁盘空间不足，操作未保存', en: 'The disk is full; nothing was saved' },
  MEETING_TIME_INVALID: { zh: '会议结束时间必须晚于开始时间', en: 'The meeting must end after it starts' },
  MEETING_DEADLINE_INVALID: { zh: '回执截止时间必须早于会议开始时间', en: 'The reply deadline must be before the meeting starts' },
  MEETING_NO_RECIPIENT: { zh: '请至少选择一个参会单位', en: 'Choose at least one invited unit' },
  MEETING_NOT_INVITED: { zh: '本单位不在该会议的通知范围内', en: 'Your unit is not invited to this meeting' },
  MEETING_CANCELLED: { zh: '会议已取消，不能再执行该操作', en: 'The meeting has been cancelled' },
  MEETING_TOO_MANY_ATTENDEES: { zh: '参会人数超过通知允许的人数', en: 'More attendees than the notice allows' },
  MEETING_NOTHING_CHANGED: { zh: '变更通知未修改任何内容', en: 'The change notice changes nothing' },
  PROPOSAL_BAD_STATE: { zh: '建议提案当前状态下不能执行该操作', en: 'This action is not allowed in the item\'s current state' },
  PROPOSAL_NOT_YOUR_ITEM: { zh: '该建议提案未交由本单位办理', en: 'This item is not assigned to your unit' },
  PROPOSAL_RETURN_TOO_LATE: { zh: '已超过7个工作日的退回期限，请与交办单位协商', en: 'The 7-working-day return window has passed' },
  PROPOSAL_COHANDLERS_PENDING: { zh: '协办单位尚未全部会签，不能答复', en: 'Not every co-handling unit has given its opinion yet' },
  PROPOSAL_DUPLICATE_NUMBER: { zh: '同一届次已有相同编号的建议提案', en: 'An item with this number already exists in this session' },
  PROPOSAL_IMPORT_BAD_FILE: { zh: '导入文件无法读取或缺少必需的列', en: 'The import file cannot be read or lacks required columns' },
  PROPOSAL_IMPORT_HAS_ERRORS: { zh: '导入数据存在错误，未导入任何记录', en: 'The import has errors; nothing was imported' },
  INTERNAL: { zh: '系统内部错误', en: 'Internal error' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code].zh);
    this.name = 'AppError';
  }
  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && x in ERROR_MESSAGES;
}

export function errorMessage(code: ErrorCode, lang: 'zh' | 'en' = 'zh'): string {
  return ERROR_MESSAGES[code][lang];
}

/** HTTP status used by the server for each code. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED': case 'DOC_NUMBER_INVALID': case 'DOC_NO_RECIPIENT': case 'BLOB_BAD_NAME':
    case 'BLOB_HASH_MISMATCH': case 'BLOB_OFFSET_MISMATCH': case 'PDF_BROKEN': case 'PDF_ENCRYPTED': case 'PDF_GLYPH_MISSING':
    case 'MEETING_TIME_INVALID': case 'MEETING_DEADLINE_INVALID': case 'MEETING_NO_RECIPIENT':
    case 'MEETING_TOO_MANY_ATTENDEES': case 'MEETING_NOTHING_CHANGED':
      return 400;
    case 'MEETING_NOT_INVITED': return 403;
    case 'PROPOSAL_IMPORT_BAD_FILE': case 'PROPOSAL_IMPORT_HAS_ERRORS': return 400;
    case 'PROPOSAL_NOT_YOUR_ITEM': return 403;
    case 'PROPOSAL_BAD_STATE': case 'PROPOSAL_RETURN_TOO_LATE': case 'PROPOSAL_COHANDLERS_PENDING': case 'PROPOSAL_DUPLICATE_NUMBER': return 409;
    case 'MEETING_CANCELLED': return 409;
    case 'AUTH_REQUIRED': case 'AUTH_BAD_PASSWORD': case 'AUTH_SESSION_EXPIRED': return 401;
    case 'FORBIDDEN': case 'AUTH_DISABLED': case 'DOC_CLASSIFIED_REFUSED': return 403;
    case 'NOT_FOUND': return 404;
    case 'SYNC_EPOCH_CHANGED': case 'CONFLICT': case 'DELIVERY_BAD_STATE': case 'DELIVERY_ALREADY_SIGNED': case 'DEADLINE_PASSED': return 409;
    case 'PAYLOAD_TOO_LARGE': case 'BLOB_TOO_LARGE': case 'PDF_TOO_LARGE': return 413;
    case 'BLOB_TYPE_REFUSED': return 415;
    case 'DOC_BLOB_MISSING': return 422;
    case 'AUTH_LOCKED': return 429;
    case 'DISK_FULL': return 507;
    default: return 500;
  }
}
