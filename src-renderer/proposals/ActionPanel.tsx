/** The actions the caller may take on an item now (from the shared state machine), each with its small form. */
import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, OUTCOMES, SATISFACTIONS, type Proposal } from '../../shared/schemas/proposals.ts';
import type { ProposalDetail } from '../../shared/schemas/proposalsIpc.ts';
import { getApi } from '../api/index.ts';
import { notifyError } from '../app/notifyError.ts';
import { useDirectory } from '../stores/directory.ts';

type Action = ProposalDetail['actions'][number];
type Values = Record<string, unknown> & { deadline?: { format: (f: string) => string } | null; contactedOn?: { format: (f: string) => string } | null };

export function ActionPanel({ item, actions, onDone }: { item: Proposal; actions: Action[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { directory } = useDirectory();
  const [open, setOpen] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  if (actions.length === 0) return null;
  const unitOptions = (directory?.units ?? []).filter((u) => u.kind !== 'general-office' && !u.disabled).map((u) => ({ value: u.code, label: u.shortName, search: `${u.name}${u.pinyin}` }));
  const unitSelect = (multi: boolean, testId: string) => (
    <Select showSearch mode={multi ? 'multiple' : undefined} options={unitOptions} data-testid={testId}
      filterOption={(input, o) => `${o?.label ?? ''}${(o as { search?: string })?.search ?? ''}`.toLowerCase().includes(input.toLowerCase())} />
  );
  const api = getApi().proposals;
  const proposalId = item.id;
  const submit = async (v: Values) => {
    const date = (d: Values['deadline']) => (d ? d.format('YYYY-MM-DD') : null);
    setBusy(true);
    try {
      switch (open) {
        case 'assign': case 'reassign':
          await api[open]({ proposalId, leadUnit: String(v.leadUnit), coUnits: (v.coUnits as string[] | undefined) ?? [], deadline: date(v.deadline) }); break;
        case 'sign': await api.sign({ proposalId }); break;
        case 'return': await api.return({ proposalId, reason: String(v.reason ?? ''), suggestedUnit: String(v.suggestedUnit) }); break;
        case 'note': await api.addNote({ proposalId, kind: v.kind as (typeof NOTE_KINDS)[number], text: String(v.text ?? ''), contactedOn: date(v.contactedOn) }); break;
        case 'countersign': await api.countersign({ proposalId, agree: true, opinion: String(v.opinion ?? '') }); break;
        case 'reply': await api.reply({ proposalId, outcome: v.outcome as (typeof OUTCOMES)[number], text: String(v.text ?? '') }); break;
        case 'review': await api.review({ proposalId, approve: v.approve !== false, comment: (v.comment as string | undefined) || null, outcome: (v.outcome as (typeof OUTCOMES)[number] | undefined) ?? null }); break;
        case 'feedback': await api.feedback({ proposalId, satisfaction: v.satisfaction as (typeof SATISFACTIONS)[number], comment: (v.comment as string | undefined) || null }); break;
        default: return;
      }
      message.success(t('proposals.action.done'));
      setOpen(null);
      form.resetFields();
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const fields = () => {
    switch (open) {
      case 'assign': case 'reassign': return (<>
        <Form.Item name="leadUnit" label={t('proposals.action.lead')} rules={[{ required: true }]} initialValue={open === 'reassign' ? item.suggestedUnit ?? undefined : undefined}>{unitSelect(false, 'action-lead')}</Form.Item>
        <Form.Item name="coUnits" label={t('proposals.action.co')}>{unitSelect(true, 'action-co')}</Form.Item>
        <Form.Item name="deadline" label={t('proposals.action.deadline')}><DatePicker /></Form.Item>
      </>);
      case 'return': return (<>
        <Form.Item name="reason" label={t('proposals.action.reason')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} data-testid="action-reason" /></Form.Item>
        <Form.Item name="suggestedUnit" label={t('proposals.action.suggestedUnit')} rules={[{ required: true }]}>{unitSelect(false, 'action-suggested')}</Form.Item>
      </>);
      case 'note': return (<>
        <Form.Item name="kind" label={t('proposals.action.kind')} initialValue="progress"><Radio.Group options={NOTE_KINDS.map((k) => ({ value: k, label: t(`proposals.note.${k}`) }))} /></Form.Item>
        <Form.Item name="contactedOn" label={t('proposals.action.contactedOn')}><DatePicker /></Form.Item>
        <Form.Item name="text" label={t('proposals.action.text')} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="action-text" /></Form.Item>
      </>);
      case 'countersign': return <Form.Item name="opinion" label={t('proposals.action.opinion')} rules={[{ required: true }]} initialValue={t('proposals.action.agree')}><Input.TextArea rows={2} /></Form.Item>;
      case 'reply': return (<>
        <Form.Item name="outcome" label={t('proposals.action.outcome')} rules={[{ required: true }]}><Radio.Group data-testid="action-outcome" options={OUTCOMES.map((o) => ({ value: o, label: t(`proposals.outcome.${o}`) }))} /></Form.Item>
        <Form.Item name="text" label={t('proposals.action.text')} rules={[{ required: true }]} initialValue={item.draftReply ?? undefined}><Input.TextArea rows={5} data-testid="action-text" /></Form.Item>
      </>);
      case 'review': return (<>
        <Form.Item name="approve" label={t('proposals.action.review')} initialValue={true}><Radio.Group options={[{ value: true, label: t('proposals.action.approve') }, { value: false, label: t('proposals.action.sendBack') }]} /></Form.Item>
        <Form.Item name="comment" label={t('proposals.action.comment')}><Input.TextArea rows={2} /></Form.Item>
      </>);
      case 'feedback': return (<>
        <Form.Item name="satisfaction" label={t('proposals.action.satisfaction')} rules={[{ required: true }]}><Radio.Group data-testid="action-satisfaction" options={SATISFACTIONS.map((s) => ({ value: s, label: t(`proposals.satisfaction.${s}`) }))} /></Form.Item>
        <Form.Item name="comment" label={t('proposals.action.comment')}><Input.TextArea rows={2} /></Form.Item>
      </>);
      default: return null;
    }
  };
  return (
    <Card size="small" data-testid="proposal-actions">
      <Space wrap>
        {actions.map((a) => (
          <Button key={a} type={open === a ? 'primary' : 'default'} data-testid={`action-${a}`} onClick={() => { form.resetFields(); setOpen(a); }}>{t(`proposals.action.${a}`)}</Button>
        ))}
      </Space>
      {open ? (
        <Form form={form} layout="vertical" style={{ marginTop: 12, maxWidth: 640 }} onFinish={submit}>
          {fields()}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">{t('proposals.action.submit')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
