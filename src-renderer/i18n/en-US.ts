import type { Messages } from './zh-CN.ts';

export const enUS: Messages = {
  app: { name: 'Xietong', fullName: 'Xietong · Document Exchange' },
  nav: {
    documents: 'Documents', inbox: 'Inbox', compose: 'Compose', sent: 'Sent', search: 'Search',
    others: 'Other work', meetings: 'Meetings', proposals: 'Proposals', reports: 'Reports', duty: 'Duty',
  },
  header: { logout: 'Log out', language: '中文', languageTitle: 'Switch language' },
  status: {
    online: 'Online', offline: 'Offline', live: 'Live', pending: '{{count}} waiting to send', uploading: '{{count}} uploading',
    lastSynced: 'Last synced {{time}}', neverSynced: 'Not synced yet', syncNow: 'Sync now', workOffline: 'Work offline', goOnline: 'Go online',
    offlineBanner: 'You are offline: keep reading and working; your actions are saved here and sent when the network is back.',
    rejected: '{{count}} actions rejected by the server',
  },
  common: {
    loading: 'Loading…', empty: 'Nothing here', retry: 'Retry', cancel: 'Cancel', ok: 'OK', save: 'Save', close: 'Close',
    back: 'Back', refresh: 'Refresh', pendingSync: 'Not synced', all: 'All', clear: 'Clear', total: '{{count}} in total',
  },
  login: {
    title: 'Log in', subtitle: 'City government document exchange and collaboration', server: 'Server', serverPlaceholder: 'e.g. https://oa.example.gov.cn',
    serverHint: 'Leave empty to use the local demo server', username: 'User name', password: 'Password', submit: 'Log in',
    required: 'Enter the {{field}}', expired: 'Your session has expired; log in again',
  },
  urgency: { normal: 'Normal', urgent: 'Urgent', 'extra-urgent': 'Extra urgent' },
  secrecy: { none: 'Not classified', internal: 'Internal', secret: 'Secret', confidential: 'Confidential', 'top-secret': 'Top secret' },
  delivery: {
    delivered: 'To sign', signed: 'Signed', registered: 'Registered', refused: 'Refused', recalled: 'Recalled',
    main: 'To', copy: 'Cc',
  },
  inbox: {
    title: 'Inbox', docNumber: 'Number', docTitle: 'Title', from: 'From', date: 'Delivered', urgency: 'Urgency', status: 'Status',
    unsignedOnly: 'Unsigned only', urgentOnly: 'Urgent only', fromUnit: 'From unit', dateRange: 'Delivered between',
    emptyTitle: 'No documents', emptyHint: 'New documents appear here by themselves', keyboardHint: '↑ ↓ to select, Enter to open',
    reminded: 'Reminded {{count}}×', unread: 'Unread',
  },
  doc: {
    metadata: 'Details', docNumber: 'Number', sender: 'Sender', sentBy: 'Sent by', sentAt: 'Sent at', urgency: 'Urgency',
    secrecy: 'Secrecy', mainTo: 'To', copyTo: 'Cc', note: 'Note', mainFile: 'Main text', attachments: 'Attachments', noFile: 'No electronic file',
    sign: 'Sign for', refuse: 'Refuse', register: 'Register', download: 'Download', print: 'Print', opinion: 'Opinion (optional)',
    reason: 'Reason', reasonRequired: 'Give a reason', signed: 'Signed', refused: 'Refused', registered: 'Registered',
    signedInfo: 'Signed by {{by}} at {{at}}, number {{number}}', myStatus: 'Our status', notPdf: 'Not a PDF: download it to view.',
    pages: '{{count}} pages', loadingFile: 'Reading the file…', pendingNote: 'Local action not yet synced', notFound: 'Not found or not visible to you',
  },
  compose: {
    title: 'Compose', docTitle: 'Title', docTitlePlaceholder: 'Title of the document', docNumber: 'Document number', docNumberPlaceholder: 'e.g. 哈政办发〔2026〕12号',
    docNumberHint: 'Prefix〔year〕sequence号, no leading zeros', urgency: 'Urgency', secrecy: 'Secrecy', mainTo: 'To', copyTo: 'Cc',
    pickUnits: 'Choose units', mainFile: 'Main text', attachments: 'Attachments', dropMain: 'Drop the main PDF here, or click to choose',
    dropAttachments: 'Drop attachments here, or click (PDF, OFD, Word, Excel, images)', note: 'Note', confirm: 'I confirm this material is not classified',
    confirmRequired: 'Confirm that the material is not classified', classifiedRefused: 'Classified material must never enter this system',
    send: 'Send', saveDraft: 'Save draft', drafts: 'Drafts', draftSaved: 'Draft saved', noDrafts: 'No drafts', loadDraft: 'Open',
    deleteDraft: 'Delete', sent: 'Sent', sentOffline: 'Saved here; it is sent when the network is back', titleRequired: 'Enter a title',
    staged: 'Waiting to upload', uploading: 'Uploading', mainFileRequired: 'Add the main text file', uploaded: 'Uploaded', reading: 'Reading', remove: 'Remove', newDoc: 'New',
  },
  picker: {
    search: 'Search by name or pinyin initials', selected: '{{count}} units chosen', clear: 'Clear', groups: 'Groups',
    title: 'Choose units', none: 'None chosen', noMatch: 'No unit matches',
  },
  sent: {
    title: 'Sent', progress: 'Progress', signedOf: '{{signed}} / {{total}} signed', refusedN: '{{count}} refused',
    grid: 'Recipients', legend: 'Legend', recall: 'Recall', remind: 'Remind unsigned', remindSelected: 'Remind selected', reissue: 'Send to more',
    reissueTitle: 'Send to added units', reminded: 'Reminded {{count}} units', recalled: 'Recalled', recallConfirm: 'Recall the document from {{unit}}?',
    remindMessage: 'Reminder message (optional)', emptyTitle: 'Nothing sent yet', queued: 'Queued', rejected: 'Failed',
    selectHint: 'Click a unit for details; unsigned units can be recalled or reminded', unitDetail: 'Unit', remindCount: 'Reminders',
  },
  search: {
    title: 'Search', placeholder: 'Words from the title, number or text (works offline)', button: 'Search', emptyTitle: 'No documents found',
    hint: 'Full-text search in Chinese, on this machine', inbox: 'Inbox', sent: 'Sent', results: '{{count}} results',
  },
  placeholder: { title: '{{name}}', body: 'This part comes in a later version', back: 'Back to inbox' },
};
