/** The secretary's notice form: what, when, where, who must come, agenda, materials, invited units; warns on a busy room. */
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import { MEETING_TYPES, MEETING_TYPE_LABELS } from '../../shared/schemas/meetings.ts';
import { URGENCIES, URGENCY_LABELS } from '../../shared/schemas/documents.ts';
import { getApi } from '../api/index.ts';
import { notifyError, toast } from '../app/notifyError.ts';
import { stageFiles } from './stageFiles.ts';
import { RecipientField } from '../documents/compose/RecipientField.tsx';
import { useDirectory } from '../stores/directory.ts';
import { useSession } from '../stores/session.ts';
import { localInputToIso } from './download.ts';
import { goMeetings } from './MeetingsRoot.tsx';
import { toAttendanceByUnit, UnitAttendanceField, type UnitAttendanceRow } from './UnitAttendanceField.tsx';

interface FormValues {
  title: string; type: (typeof MEETING_TYPES)[number]; start: string; end: string; place: string; room?: string;
  organiserName: string; contactName: string; contactPhone: string; leaders: number; staff: number; extra: number;
  agenda?: string; notes?: string; deadline: string; urgency: (typeof URGENCIES)[number]; recipients: string[]; byUnit?: UnitAttendanceRow[];
}

export function MeetingForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { directory } = useDirectory();
  const session = useSession((s) => s.session);
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [busy, setBusy] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const recipients = Form.useWatch('recipients', form) ?? [];

  const addFiles = (list: FileList | null) => stageFiles(list, setFiles);

  async function checkRoom() {
    const v = form.getFieldsValue();
    if (!v.start || !v.end || !v.place) return;
    try {
      const hits = await getApi().meetings.checkRoom({ room: v.room || null, place: v.place, startAt: localInputToIso(v.start), endAt: localInputToIso(v.end) });
      setBusy(hits.map((h) => h.title));
    } catch { setBusy([]); }
  }

  async function submit(v: FormValues) {
    setSending(true);
    try {
      const slots = [
        ...(v.leaders > 0 ? [{ role: '领导', count: v.leaders }] : []),
        ...(v.staff > 0 ? [{ role: '工作人员', count: v.staff }] : []),
      ];
      const { meetingId } = await getApi().meetings.send({
        title: v.title, type: v.type, startAt: localInputToIso(v.start), endAt: localInputToIso(v.end), place: v.place, room: v.room || null,
        organiserName: v.organiserName, contactName: v.contactName, contactPhone: v.contactPhone,
        attendance: { slots: slots.length ? slots : [{ role: '参会人员', count: 1 }], extraAllowed: v.extra ?? 0 }, attendanceByUnit: toAttendanceByUnit(v.byUnit).filter((x) => (v.recipients ?? []).includes(x.unit)),
        agenda: (v.agenda ?? '').split('\n').map((x) => x.trim()).filter(Boolean).map((topic) => ({ topic, presenter: null })),
        notes: v.notes?.trim() || null, replyDeadline: localInputToIso(v.deadline), materials: files, urgency: v.urgency, recipients: v.recipients ?? [],
      });
      toast.success(t('meetings.form.sent'));
      goMeetings(meetingId);
    } catch (e) {
      notifyError(e);
    } finally {
      setSending(false);
    }
  }

  const tid = (id: string) => ({ 'data-testid': `meeting-${id}` });
  return (
    <Card title={t('meetings.form.heading')} data-testid="meeting-form">
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={(c) => { if ('start' in c || 'end' in c || 'room' in c || 'place' in c) void checkRoom(); }}
        initialValues={{ type: 'work', urgency: 'normal', leaders: 1, staff: 1, extra: 0, organiserName: session?.unit.name, recipients: [] }}>
        <Form.Item name="title" label={t('meetings.form.title')} rules={[{ required: true }]}><Input {...tid('title')} /></Form.Item>
        <Space wrap>
          <Form.Item name="type" label={t('meetings.form.type')}><Select style={{ width: 140 }} options={MEETING_TYPES.map((x) => ({ value: x, label: MEETING_TYPE_LABELS[x] }))} /></Form.Item>
          <Form.Item name="start" label={t('meetings.form.start')} rules={[{ required: true }]}><Input type="datetime-local" {...tid('start')} /></Form.Item>
          <Form.Item name="end" label={t('meetings.form.end')} rules={[{ required: true }]}><Input type="datetime-local" {...tid('end')} /></Form.Item>
          <Form.Item name="deadline" label={t('meetings.form.deadline')} rules={[{ required: true }]}><Input type="datetime-local" {...tid('deadline')} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="place" label={t('meetings.form.place')} rules={[{ required: true }]}><Input style={{ width: 320 }} {...tid('place')} /></Form.Item>
          <Form.Item name="room" label={t('meetings.form.room')}><Input style={{ width: 200 }} {...tid('room')} /></Form.Item>
        </Space>
        {busy.length > 0 ? <Alert type="warning" showIcon data-testid="meeting-room-busy" title={`${t('meetings.form.roomBusy')}${busy.join('、')}`} style={{ marginBottom: 12 }} /> : null}
        <Space wrap>
          <Form.Item name="organiserName" label={t('meetings.form.organiser')} rules={[{ required: true }]}><Input style={{ width: 220 }} /></Form.Item>
          <Form.Item name="contactName" label={t('meetings.form.contact')} rules={[{ required: true }]}><Input {...tid('contact')} /></Form.Item>
          <Form.Item name="contactPhone" label={t('meetings.form.phone')} rules={[{ required: true }]}><Input {...tid('phone')} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="leaders" label={t('meetings.form.leaders')}><InputNumber min={0} max={20} /></Form.Item>
          <Form.Item name="staff" label={t('meetings.form.staff')}><InputNumber min={0} max={20} /></Form.Item>
          <Form.Item name="extra" label={t('meetings.form.extra')}><InputNumber min={0} max={20} /></Form.Item>
          <Form.Item name="urgency" label={t('meetings.form.urgency')}><Radio.Group options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} /></Form.Item>
        </Space>
        <Form.Item name="agenda" label={t('meetings.form.agenda')}><Input.TextArea rows={3} {...tid('agenda')} /></Form.Item>
        <Form.Item name="notes" label={t('meetings.form.notes')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="recipients" label={t('meetings.form.recipients')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <RecipientField directory={directory} exclude={new Set(session ? [session.unit.code] : [])} title={t('meetings.form.recipients')} testId="meeting-recipients" />
        </Form.Item>
        <UnitAttendanceField directory={directory} recipients={recipients} />
        <Form.Item label={t('meetings.form.materials')}>
          <Space wrap>
            <input type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd" multiple data-testid="meeting-materials" onChange={(e) => void addFiles(e.target.files)} />
            {files.map((f) => <Tag key={f.sha256} data-testid="meeting-material" closable onClose={() => setFiles((xs) => xs.filter((x) => x.sha256 !== f.sha256))}>{f.name}</Tag>)}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending} data-testid="meeting-send">{t('meetings.form.send')}</Button>
      </Form>
    </Card>
  );
}
