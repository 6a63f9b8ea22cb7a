/** Choose recipient units: quick groups (all districts / counties / departments / all 69) and search by name or pinyin. */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Input, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../shared/schemas/directory.ts';
import { filterUnits, toggleGroup } from './unitMatch.ts';

export interface UnitPickerProps {
  directory: Directory;
  value: string[];
  onChange: (codes: string[]) => void;
  /** Units that cannot be chosen here (the sender itself, units already chosen in the other list, existing recipients). */
  exclude?: Set<string>;
  testId?: string;
}

export function UnitPicker({ directory, value, onChange, exclude, testId = 'unit-picker' }: UnitPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const allowed = (code: string) => !exclude?.has(code) && directory.units.some((u) => u.code === code && !u.disabled);
  const visible = useMemo(() => filterUnits(directory.units, query).filter((u) => !exclude?.has(u.code)), [directory, query, exclude]);
  const chosen = new Set(value);
  const byCode = new Map(directory.units.map((u) => [u.code, u]));

  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 8 }}>
        <span className="xt-dim">{t('picker.groups')}</span>
        {directory.groups.map((g) => {
          const codes = g.unitCodes.filter(allowed);
          const full = codes.length > 0 && codes.every((c) => chosen.has(c));
          return (
            <Button key={g.id} size="small" type={full ? 'primary' : 'default'} data-testid={`group-${g.kind}-${g.id}`}
              onClick={() => onChange(toggleGroup(value, g, allowed))}>
              {g.name} ({codes.length})
            </Button>
          );
        })}
        {value.length > 0 ? <Button size="small" type="link" onClick={() => onChange([])}>{t('picker.clear')}</Button> : null}
      </Space>
      <Input allowClear prefix={<SearchOutlined />} placeholder={t('picker.search')} value={query}
        onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} data-testid={`${testId}-search`} />
      <div className="xt-picker-list">
        {visible.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('picker.noMatch')} /> : null}
        {visible.map((u) => (
          <Checkbox key={u.code} checked={chosen.has(u.code)} data-unit={u.code}
            onChange={(e) => onChange(e.target.checked ? [...value, u.code] : value.filter((c) => c !== u.code))}>
            {u.shortName}
          </Checkbox>
        ))}
      </div>
      <div style={{ marginTop: 8 }} data-testid={`${testId}-selected`} data-count={value.length}>
        <span className="xt-dim" style={{ marginRight: 8 }}>{value.length ? t('picker.selected', { count: value.length }) : t('picker.none')}</span>
        {value.slice(0, 30).map((c) => (
          <Tag key={c} closable onClose={() => onChange(value.filter((x) => x !== c))}>{byCode.get(c)?.shortName ?? c}</Tag>
        ))}
        {value.length > 30 ? <Tag>+{value.length - 30}</Tag> : null}
      </div>
    </div>
  );
}
