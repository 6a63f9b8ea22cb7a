/** Inbox filters: unsigned, urgent, from unit, delivered between. */
import { Checkbox, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../stores/directory.ts';
import type { InboxFilterValue } from './useInboxWindow.ts';

export function InboxFilters({ value, onChange }: { value: InboxFilterValue; onChange: (v: InboxFilterValue) => void }) {
  const { t } = useTranslation();
  const { directory } = useDirectory();
  const units = directory?.units ?? [];
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) => onChange({
    ...value,
    dateFrom: range?.[0] ? range[0].startOf('day').toISOString() : null,
    dateTo: range?.[1] ? range[1].endOf('day').toISOString() : null,
  });
  return (
    <Space wrap size="middle">
      <Checkbox data-testid="filter-unsigned" checked={value.unsignedOnly} onChange={(e) => onChange({ ...value, unsignedOnly: e.target.checked })}>
        {t('inbox.unsignedOnly')}
      </Checkbox>
      <Checkbox data-testid="filter-urgent" checked={value.urgentOnly} onChange={(e) => onChange({ ...value, urgentOnly: e.target.checked })}>
        {t('inbox.urgentOnly')}
      </Checkbox>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 220 }}
        placeholder={t('inbox.fromUnit')}
        value={value.fromUnit ?? undefined}
        onChange={(v: string | undefined) => onChange({ ...value, fromUnit: v ?? null })}
        options={units.map((u) => ({ value: u.code, label: `${u.shortName} ${u.pinyin}` }))}
        optionRender={(o) => units.find((u) => u.code === o.value)?.shortName ?? String(o.value)}
        labelRender={(o) => units.find((u) => u.code === o.value)?.shortName ?? String(o.value)}
      />
      <DatePicker.RangePicker onChange={(r) => onRange(r as [Dayjs | null, Dayjs | null] | null)} placeholder={[t('inbox.dateRange'), t('inbox.dateRange')]} />
    </Space>
  );
}
