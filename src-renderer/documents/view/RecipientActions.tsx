/** What the receiving unit does with a delivery: 签收 (optional opinion), 退回 (reason), 登记. */
import { CheckOutlined, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Descriptions, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalDelivery } from '../../../shared/ipc/contract.ts';
import { canApply } from '../../../shared/domain/deliveryRules.ts';
import { getApi } from '../../api/index.ts';
import { formatDateTime } from '../../app/format.ts';
import { notifyError, toast } from '../../app/notifyError.ts';
import { useSession } from '../../stores/session.ts';
import { StatusTag } from '../labels.tsx';

export function RecipientActions({ delivery, onDone }: { delivery: LocalDelivery; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const [dialog, setDialog] = useState<'sign' | 'refuse' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      toast.success(done);
      setDialog(null);
      setText('');
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const d = delivery;
  return (
    <div data-testid="recipient-actions" data-status={d.status}>
      <Descriptions size="small" column={1} items={[
        { key: 's', label: t('doc.myStatus'), children: <StatusTag status={d.status} pending={d.pending} /> },
        ...(d.signedAt ? [{ key: 'si', label: t('doc.signed'), children: t('doc.signedInfo', { by: d.signedBy ?? '', at: formatDateTime(d.signedAt, lang), number: d.signNumber ?? '—' }) }] : []),
        ...(d.signOpinion ? [{ key: 'op', label: t('doc.opinion'), children: d.signOpinion }] : []),
        ...(d.refusedReason ? [{ key: 'rr', label: t('doc.reason'), children: d.refusedReason }] : []),
        ...(d.registeredAt ? [{ key: 'rg', label: t('doc.registered'), children: `${d.registeredBy ?? ''} ${formatDateTime(d.registeredAt, lang)}` }] : []),
      ]} />
      {d.pending ? <div className="xt-dim" style={{ fontSize: 12, margin: '4px 0 8px' }}>{t('doc.pendingNote')}</div> : null}
      <Space wrap style={{ marginTop: 8 }}>
        {canApply('sign', d.status) ? <Button type="primary" icon={<CheckOutlined />} data-testid="action-sign" onClick={() => setDialog('sign')}>{t('doc.sign')}</Button> : null}
        {canApply('refuse', d.status) ? <Button danger icon={<RollbackOutlined />} data-testid="action-refuse" onClick={() => setDialog('refuse')}>{t('doc.refuse')}</Button> : null}
        {canApply('register', d.status) ? (
          <Button icon={<FormOutlined />} data-testid="action-register" loading={busy}
            onClick={() => run(() => getApi().documents.register({ deliveryId: d.id }), t('doc.registered'))}>{t('doc.register')}</Button>
        ) : null}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'sign' ? t('doc.sign') : t('doc.refuse')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: dialog === 'refuse' && text.trim() === '', danger: dialog === 'refuse', 'data-testid': 'action-confirm' }}
        onCancel={() => setDialog(null)}
        onOk={() => dialog === 'sign'
          ? run(() => getApi().documents.sign({ deliveryId: d.id, opinion: text.trim() || null }), t('doc.signed'))
          : run(() => getApi().documents.refuse({ deliveryId: d.id, reason: text.trim() }), t('doc.refused'))}
      >
        <Input.TextArea
          autoFocus
          rows={4}
          maxLength={500}
          showCount
          value={text}
          data-testid="action-text"
          placeholder={dialog === 'sign' ? t('doc.opinion') : t('doc.reason')}
          onChange={(e) => setText(e.target.value)}
        />
        {dialog === 'refuse' && text.trim() === '' ? <div className="xt-dim" style={{ marginTop: 4 }}>{t('doc.reasonRequired')}</div> : null}
      </Modal>
    </div>
  );
}
