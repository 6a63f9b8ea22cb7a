/**
 * Child process for the crash test: writes documents through the core's write path (document + outbox mutation in one
 * transaction) as fast as it can until the parent kills it with SIGKILL.
 */
import { v7 as uuidv7 } from 'uuid';
import { openStore } from '../../src-main/core/store/db.ts';
import { writeDocument } from '../../src-main/core/store/records.ts';
import { enqueue } from '../../src-main/core/sync/outbox.ts';

const db = openStore(process.argv[2]);
let n = 0;
for (;;) {
  const documentId = uuidv7();
  const draft = {
    title: `崩溃测试文件${n}`, docNumber: { prefix: '哈政办发', year: 2026, sequence: (n % 99999) + 1 }, urgency: 'normal' as const, secrecy: 'none' as const,
    mainTo: ['D-DAOLI'], copyTo: [], mainFile: null, attachments: [], note: '正文'.repeat(200),
  };
  db.transaction(() => {
    enqueue(db, { type: 'document.send', payload: { ...draft, documentId } }, documentId);
    writeDocument(db, { ...draft, id: documentId, senderUnit: 'BGT', createdBy: documentId, createdByName: '王敏', sentAt: new Date().toISOString() }, false);
  })();
  n++;
  if (n === 50) process.stdout.write('ready\n');
}
