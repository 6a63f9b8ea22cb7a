/** 发文: title, 文号, urgency, secrecy confirmation, 主送/抄送, 正文 and attachments, drafts kept locally, send. */
import { FolderOpenOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDocNumber } from '../../../shared/domain/docNumber.ts';
import { SECRECY_LEVELS, isClassified, type SecrecyLevel } from '../../../shared/domain/secrecy.ts';
import { ERROR_MESSAGES } from '../../../shared/errors.ts';
import type { AttachmentRef } from '../../../shared/schemas/blobs.ts';
import { URGENCIES, type DocumentDraft, type Urgency } from '../../../shared/schemas/documents.ts';
import { ApiError, getApi } from '../../api/index.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { toast } from '../../app/notifyError.ts';
import { useDirectory } from '../../stores/directory.ts';
import { useRoute } from '../../stores/route.ts';
import { useSession } from '../../stores/session.ts';
import { useSync } from '../../stores/sync.ts';
import { AttachmentDrop } from './AttachmentDrop.tsx';
import { checkDocNumber, docNumberRule } from './docNumberRule.ts';
import { DraftsDrawer } from './DraftsDrawer.tsx';
import { RecipientField } from './RecipientField.tsx';

export interface ComposeValues {
  title: string; docNumberText: string; urgency: Urgency; secrecy: SecrecyLevel;
  mainTo: string[]; copyTo: string[]; note: string; confirm: boolean;
}

export function ComposePage({ draftId: initialDraftId }: { draftId: string | null }) {
  const { t } = useTranslation();
  const { lang, session } = useSession();
  const go = useRoute((s) => s.go);
  const { directory } = useDirectory();
  const [form] = Form.useForm<ComposeValues>();
  const [mainFile, setMainFile] = useState<AttachmentRef[]>([]);
  const [attachments, setAttachments] = useState<AttachmentRef[]>([]);
  const [draftId, setDraftId] = useState<string | null>(initialDraftId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [drafts, setDrafts] = useState(false);
  const secrecy = Form.useWatch('secrecy', form) ?? 'none';
  const mainTo = Form.useWatch('mainTo', form) ?? [];
  const copyTo = Form.useWatch('copyTo', form) ?? [];
  const own = session?.unit.code ?? '';
  const classified = isClassified(secrecy);

  const load = (draft: Partial<DocumentDraft>, id: string) => {
    setDraftId(id);
    form.setFieldsValue({
      title: draft.title ?? '', docNumberText: draft.docNumber ? formatDocNumber(draft.docNumber) : '',
      urgency: draft.urgency ?? 'normal', secrecy: draft.secrecy ?? 'none', mainTo: draft.mainTo ?? [], copyTo: draft.copyTo ?? [], note: draft.note ?? '',
    });
    setMainFile(draft.mainFile ? [draft.mainFile] : []);
    setAttachments(draft.attachments ?? []);
  };
  useEffect(() => {
    if (!initialDraftId) return;
    getApi().documents.listDrafts({}).then((list) => {
      const d = list.find((x) => x.id === initialDraftId);
      if (d) load(d.draft, d.id);
    }, setError);
  }, [initialDraftId]); // eslint-disable-line react-hooks/exhaustive-deps

  const collect = (): Partial<DocumentDraft> => {
    const v = form.getFieldsValue(true) as ComposeValues;
    const num = checkDocNumber(v.docNumberText, lang);
    return {
      ...(v.title?.trim() ? { title: v.title.trim() } : {}),
      docNumber: num.ok ? num.value : null,
      urgency: v.urgency, secrecy: v.secrecy, mainTo: v.mainTo ?? [], copyTo: v.copyTo ?? [],
      mainFile: mainFile[0] ?? null, attachments, note: v.note?.trim() ? v.note.trim() : null,
    };
  };

  const saveDraft = async () => {
    try {
      const saved = await getApi().documents.saveDraft({ id: draftId, draft: collect() });
      setDraftId(saved.id);
      toast.success(t('compose.draftSaved'));
    } catch (e) { setError(e); }
  };

  const send = async (v: ComposeValues) => {
    setError(null);
    if (isClassified(v.secrecy)) { setError(new ApiError('DOC_CLASSIFIED_REFUSED', '')); return; }
    if (!v.mainTo?.length) { setError(new ApiError('DOC_NO_RECIPIENT', '')); return; }
    if (!mainFile[0]) { setError(new ApiError('VALIDATION_FAILED', t('compose.mainFileRequired'))); return; }
    const num = checkDocNumber(v.docNumberText, lang);
    if (!num.ok) { setError(new ApiError('DOC_NUMBER_INVALID', '')); return; }
    setBusy(true);
    try {
      const res = await getApi().documents.send({
        title: v.title.trim(), docNumber: num.value, urgency: v.urgency, secrecy: v.secrecy,
        mainTo: v.mainTo, copyTo: v.copyTo ?? [], mainFile: mainFile[0] ?? null, attachments,
        note: v.note?.trim() ? v.note.trim() : null, confirmNonClassified: true, draftId,
      });
      const online = useSync.getState().status?.online ?? true;
      toast.success(online ? t('compose.sent') : t('compose.sentOffline'));
      go({ name: 'doc', id: res.documentId, box: 'sent' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="compose-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <h1 className="xt-page-title" style={{ margin: 0 }}>{t('compose.title')}</h1>
        <Button icon={<FolderOpenOutlined />} onClick={() => setDrafts(true)} data-testid="open-drafts">{t('compose.drafts')}</Button>
      </Space>
      <div className="xt-panel" style={{ padding: '20px 24px', maxWidth: 980 }}>
        <Form form={form} layout="horizontal" labelCol={{ flex: '104px' }} onFinish={send}
          initialValues={{ title: '', docNumberText: '', urgency: 'normal', secrecy: 'none', mainTo: [], copyTo: [], note: '', confirm: false }}>
          <Form.Item name="title" label={t('compose.docTitle')} rules={[{ required: true, whitespace: true, message: t('compose.titleRequired') }]}>
            <Input placeholder={t('compose.docTitlePlaceholder')} maxLength={200} data-testid="compose-title" />
          </Form.Item>
          <Form.Item name="docNumberText" label={t('compose.docNumber')} extra={t('compose.docNumberHint')} rules={[docNumberRule(lang)]} validateTrigger={['onBlur', 'onChange']}>
            <Input placeholder={session?.unit.docPrefix ? `${session.unit.docPrefix}〔${new Date().getFullYear()}〕1号` : t('compose.docNumberPlaceholder')} data-testid="compose-docnumber" style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item name="urgency" label={t('compose.urgency')}>
            <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
          </Form.Item>
          <Form.Item name="secrecy" label={t('compose.secrecy')}>
            <Select style={{ width: 200 }} data-testid="compose-secrecy" options={SECRECY_LEVELS.map((s) => ({ value: s, label: t(`secrecy.${s}`) }))} />
          </Form.Item>
          {classified ? <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="classified-refused" title={ERROR_MESSAGES.DOC_CLASSIFIED_REFUSED[lang === 'en-US' ? 'en' : 'zh']} /> : null}
          <Form.Item name="mainTo" label={t('compose.mainTo')} required>
            <RecipientField directory={directory} exclude={new Set([own, ...copyTo])} title={t('compose.mainTo')} testId="compose-mainto" />
          </Form.Item>
          <Form.Item name="copyTo" label={t('compose.copyTo')}>
            <RecipientField directory={directory} exclude={new Set([own, ...mainTo])} title={t('compose.copyTo')} testId="compose-copyto" />
          </Form.Item>
          <Form.Item label={t('compose.mainFile')}>
            <AttachmentDrop files={mainFile} onChange={setMainFile} multiple={false} hint={t('compose.dropMain')} testId="drop-main" />
          </Form.Item>
          <Form.Item label={t('compose.attachments')}>
            <AttachmentDrop files={attachments} onChange={setAttachments} multiple hint={t('compose.dropAttachments')} testId="drop-attachments" />
          </Form.Item>
          <Form.Item name="note" label={t('compose.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="confirm" valuePropName="checked" wrapperCol={{ offset: 0 }} style={{ marginLeft: 104 }}
            rules={[{ validator: async (_r, v: boolean) => { if (!v) throw new Error(t('compose.confirmRequired')); } }]}>
            <Checkbox data-testid="compose-confirm" disabled={classified}>{t('compose.confirm')}</Checkbox>
          </Form.Item>
          {error ? <div style={{ marginBottom: 16, marginLeft: 104 }}><ErrorAlert error={error} /></div> : null}
          <Space style={{ marginLeft: 104 }}>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} disabled={classified} data-testid="compose-send" size="large">{t('compose.send')}</Button>
            <Button icon={<SaveOutlined />} onClick={saveDraft} data-testid="compose-save-draft" size="large">{t('compose.saveDraft')}</Button>
          </Space>
        </Form>
      </div>
      <DraftsDrawer open={drafts} onClose={() => setDrafts(false)} onOpen={(d) => { load(d.draft, d.id); setDrafts(false); }} />
    </div>
  );
}
