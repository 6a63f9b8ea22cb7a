/** 主送/抄送 field: the chosen units as tags, and a dialog with the unit picker to change them. */
import { TeamOutlined } from '@ant-design/icons';
import { Button, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../shared/schemas/directory.ts';
import { UnitPicker } from './UnitPicker.tsx';

export interface RecipientFieldProps {
  directory: Directory | null;
  value?: string[];
  onChange?: (codes: string[]) => void;
  exclude: Set<string>;
  title: string;
  testId: string;
}

export function RecipientField({ directory, value = [], onChange, exclude, title, testId }: RecipientFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string[] | null>(null);
  const byCode = new Map((directory?.units ?? []).map((u) => [u.code, u]));
  return (
    <div data-testid={testId} data-count={value.length}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
        {value.slice(0, 24).map((c) => (
          <Tag key={c} closable onClose={() => onChange?.(value.filter((x) => x !== c))}>{byCode.get(c)?.shortName ?? c}</Tag>
        ))}
        {value.length > 24 ? <Tag>+{value.length - 24}</Tag> : null}
        <Button size="small" icon={<TeamOutlined />} disabled={!directory} data-testid={`${testId}-open`} onClick={() => setDraft(value)}>
          {t('compose.pickUnits')}{value.length ? ` (${value.length})` : ''}
        </Button>
      </div>
      <Modal
        open={draft !== null}
        width={780}
        title={title}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': `${testId}-ok` }}
        onCancel={() => setDraft(null)}
        onOk={() => { if (draft) onChange?.(draft); setDraft(null); }}
        destroyOnHidden
      >
        {directory && draft ? <UnitPicker directory={directory} value={draft} onChange={setDraft} exclude={exclude} testId={`${testId}-picker`} /> : null}
      </Modal>
    </div>
  );
}
