/** Per-unit attendance (e.g. 道里区: 1 leader + 1 staff) overriding the general requirement, for some of the invited units. */
import { Button, Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../shared/schemas/directory.ts';
import type { MeetingDraft } from '../../shared/schemas/meetings.ts';

export interface UnitAttendanceRow { unit?: string; leaders?: number; staff?: number; extra?: number }

/** Form rows → the draft's attendanceByUnit (rows without a unit or with nobody required are dropped). */
export function toAttendanceByUnit(rows: UnitAttendanceRow[] | undefined): MeetingDraft['attendanceByUnit'] {
  const out: MeetingDraft['attendanceByUnit'] = [];
  const seen = new Set<string>();
  for (const r of rows ?? []) {
    if (!r.unit || seen.has(r.unit)) continue;
    const slots = [
      ...((r.leaders ?? 0) > 0 ? [{ role: '领导', count: r.leaders ?? 0 }] : []),
      ...((r.staff ?? 0) > 0 ? [{ role: '工作人员', count: r.staff ?? 0 }] : []),
    ];
    if (slots.length === 0) continue;
    seen.add(r.unit);
    out.push({ unit: r.unit, requirement: { slots, extraAllowed: r.extra ?? 0 } });
  }
  return out;
}

export function UnitAttendanceField({ directory, recipients }: { directory: Directory | null; recipients: string[] }) {
  const { t } = useTranslation();
  const byCode = new Map((directory?.units ?? []).map((u) => [u.code, u]));
  const options = recipients.map((c) => ({ value: c, label: byCode.get(c)?.shortName ?? c }));
  return (
    <Form.Item label={t('meetings.form.byUnit')} tooltip={t('meetings.form.byUnitHint')}>
      <Form.List name="byUnit">
        {(fields, { add, remove }) => (
          <div data-testid="meeting-by-unit">
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" data-testid="meeting-by-unit-row" wrap>
                <Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: t('meetings.form.byUnitPick') }]}>
                  <Select style={{ width: 200 }} showSearch optionFilterProp="label" options={options} placeholder={t('meetings.form.byUnitPick')} data-testid={`meeting-by-unit-unit-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'leaders']} label={t('meetings.form.leaders')}><InputNumber min={0} max={20} data-testid={`meeting-by-unit-leaders-${i}`} /></Form.Item>
                <Form.Item name={[f.name, 'staff']} label={t('meetings.form.staff')}><InputNumber min={0} max={20} data-testid={`meeting-by-unit-staff-${i}`} /></Form.Item>
                <Form.Item name={[f.name, 'extra']} label={t('meetings.form.extra')}><InputNumber min={0} max={20} /></Form.Item>
                <Button type="link" onClick={() => remove(f.name)}>×</Button>
              </Space>
            ))}
            <Button size="small" data-testid="meeting-by-unit-add" disabled={recipients.length === 0} onClick={() => add({ leaders: 1, staff: 1, extra: 0 })}>{t('meetings.form.byUnitAdd')}</Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
