/** The invited unit's side: 签收, and the 回执 (attendees, 请假 with a reason, or 代会), changeable until the deadline. */
import { Button, Card, Form, Input, Radio, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingReply } from '../../shared/schemas/meetings.ts';
import type { MeetingDetail } from '../../shared/schemas/meetingsIpc.ts';
import { getApi } from '../api/index.ts';
import { notifyError, toast } from '../app/notifyError.ts';
import { downloadFile } from './download.ts';

interface ReplyValues { kind: MeetingReply['kind']; attendees?: { name: string; title: string; phone: string }[]; reason?: string; insteadOf?: string; note?: string }

export function ReplyPanel({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReplyValues>();
  const kind = Form.useWatch('kind', form);
  const meetingId = detail.meeting.id;
  const r = detail.myReceipt;
  const signedCurrent = !!r && r.signedAt !== null && r.signedVersion === detail.meeting.version;
  const open = detail.meeting.status !== 'cancelled';
  const act = async (fn: () => Promise<void>) => { try { await fn(); } catch (e) { notifyError(e); } };
  const initial: ReplyValues = r?.reply
    ? r.reply.kind === 'leave' ? { kind: 'leave', reason: r.reply.reason }
      : r.reply.kind === 'substitute' ? { kind: 'substitute', attendees: r.reply.attendees, reason: r.reply.reason, insteadOf: r.reply.insteadOf }
        : { kind: 'attend', attendees: r.reply.attendees, note: r.reply.note ?? '' }
    : { kind: 'attend', attendees: [{ name: '', title: '', phone: '' }] };

  async function submit(v: ReplyValues) {
    const attendees = (v.attendees ?? []).filter((a) => a.name?.trim());
    const reply: MeetingReply = v.kind === 'leave' ? { kind: 'leave', reason: v.reason ?? '' }
      : v.kind === 'substitute' ? { kind: 'substitute', insteadOf: v.insteadOf ?? '', reason: v.reason ?? '', attendees }
        : { kind: 'attend', attendees, note: v.note?.trim() || null };
    await act(async () => { await getApi().meetings.reply({ meetingId, reply }); toast.success(t('meetings.reply.submitted')); });
  }

  return (
    <Card title={t('meetings.reply.mine')} size="small" data-testid="meeting-reply" extra={
      <Space>
        {r ? <Tag data-testid="reply-state" color={r.needsReconfirm ? 'orange' : 'blue'}>{r.pending ? '…' : ''}{signedCurrent ? t('meetings.reply.signed') : t('meetings.state.unsigned')}</Tag> : null}
        <Button type="primary" data-testid="reply-sign" disabled={signedCurrent || !r} onClick={() => void act(async () => { await getApi().meetings.sign({ meetingId }); })}>{t('meetings.reply.sign')}</Button>
        <Button data-testid="reply-ics" onClick={() => void act(async () => {
          const f = await getApi().meetings.exportIcs({ meetingId });
          downloadFile(f.fileName, f.text, 'text/calendar');
        })}>{t('meetings.reply.ics')}</Button>
      </Space>
    }>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} disabled={!open}>
        <Form.Item name="kind" label={t('meetings.reply.kind')}>
          <Radio.Group data-testid="reply-kind" options={(['attend', 'leave', 'substitute'] as const).map((k) => ({ value: k, label: t(`meetings.reply.${k}`) }))} />
        </Form.Item>
        {kind !== 'leave' ? (
          <Form.List name="attendees">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" data-testid="reply-attendee">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('meetings.reply.name')} data-testid={`reply-name-${i}`} /></Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}><Input placeholder={t('meetings.reply.jobTitle')} data-testid={`reply-title-${i}`} /></Form.Item>
                    <Form.Item name={[f.name, 'phone']} rules={[{ required: true }]}><Input placeholder={t('meetings.reply.phone')} data-testid={`reply-phone-${i}`} /></Form.Item>
                    {fields.length > 1 ? <Button type="link" onClick={() => remove(f.name)}>×</Button> : null}
                  </Space>
                ))}
                <Button data-testid="reply-add-person" onClick={() => add({ name: '', title: '', phone: '' })}>{t('meetings.reply.addPerson')}</Button>
              </>
            )}
          </Form.List>
        ) : null}
        {kind === 'substitute' ? <Form.Item name="insteadOf" label={t('meetings.reply.insteadOf')} rules={[{ required: true }]}><Input /></Form.Item> : null}
        {kind !== 'attend' ? <Form.Item name="reason" label={t('meetings.reply.reason')} rules={[{ required: true }]}><Input data-testid="reply-reason" /></Form.Item> : null}
        <Button type="primary" htmlType="submit" style={{ marginTop: 12 }} data-testid="reply-submit">{t('meetings.reply.submit')}</Button>
      </Form>
    </Card>
  );
}
