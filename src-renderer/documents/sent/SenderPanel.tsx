/** The sender's view of one document: progress, the status grid, recall, 催办 and 补发. */
import { BellOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Input, Modal, Progress, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/ipc/contract.ts';
import { canApply } from '../../../shared/domain/deliveryRules.ts';
import { getApi } from '../../api/index.ts';
import { formatDateTime } from '../../app/format.ts';
import { notifyError, toast } from '../../app/notifyError.ts';
import { useDirectory } from '../../stores/directory.ts';
import { useSession } from '../../stores/session.ts';
import { UnitPicker } from '../compose/UnitPicker.tsx';
import { StatusTag } from '../labels.tsx';
import { StatusGrid, StatusLegend } from './StatusGrid.tsx';

export function SenderPanel({ detail, onDone }: { detail: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const { directory, byCode } = useDirectory();
  const { modal } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const [reissue, setReissue] = useState<string[] | null>(null);
  const [remindText, setRemindText] = useState('');
  const [remindOpen, setRemindOpen] = useState(false);
  const all = detail.deliveries.filter((d) => d.status !== 'recalled');
  const signed = all.filter((d) => d.status === 'signed' || d.status === 'registered').length;
  const unsigned = detail.deliveries.filter((d) => canApply('remind', d.status));
  const chosen = detail.deliveries.find((d) => d.id === selected) ?? null;

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try { await fn(); toast.success(done); onDone(); } catch (e) { notifyError(e); }
  };
  const recall = () => chosen && modal.confirm({
    title: t('sent.recallConfirm', { unit: byCode.get(chosen.recipientUnit)?.shortName ?? chosen.recipientUnit }),
    okText: t('common.ok'), cancelText: t('common.cancel'), okButtonProps: { 'data-testid': 'recall-confirm' },
    onOk: () => act(() => getApi().documents.recall({ deliveryId: chosen.id }), t('sent.recalled')),
  });
  const remind = (ids: string[]) => act(async () => {
    const r = await getApi().documents.remind({ deliveryIds: ids, message: remindText.trim() || null });
    setRemindOpen(false);
    setRemindText('');
    return r;
  }, t('sent.reminded', { count: ids.length }));
  const existing = new Set(detail.deliveries.map((d) => d.recipientUnit));

  return (
    <div className="xt-panel" style={{ padding: 16 }} data-testid="sender-panel">
      <Space align="center" size="large" wrap style={{ marginBottom: 12 }}>
        <strong>{t('sent.grid')}</strong>
        <Progress type="line" percent={all.length ? Math.round((signed / all.length) * 100) : 0} style={{ width: 220 }} size="small" />
        <span data-testid="sent-progress" data-signed={signed} data-total={all.length}>{t('sent.signedOf', { signed, total: all.length })}</span>
        <StatusLegend deliveries={detail.deliveries} />
      </Space>
      <StatusGrid deliveries={detail.deliveries} byCode={byCode} selected={selected} onSelect={setSelected} />
      <div className="xt-dim" style={{ fontSize: 12, margin: '10px 0' }}>{t('sent.selectHint')}</div>
      <Space wrap>
        <Button icon={<BellOutlined />} disabled={unsigned.length === 0} data-testid="remind-unsigned" onClick={() => setRemindOpen(true)}>
          {t('sent.remind')} ({unsigned.length})
        </Button>
        <Button icon={<PlusOutlined />} data-testid="reissue" onClick={() => setReissue([])}>{t('sent.reissue')}</Button>
      </Space>
      {chosen ? (
        <div style={{ marginTop: 16, borderTop: '1px solid #eef0f4', paddingTop: 12 }} data-testid="unit-detail">
          <Descriptions size="small" column={2} title={byCode.get(chosen.recipientUnit)?.name ?? chosen.recipientUnit} items={[
            { key: 's', label: t('inbox.status'), children: <StatusTag status={chosen.status} pending={chosen.pending} /> },
            { key: 'd', label: t('inbox.date'), children: formatDateTime(chosen.deliveredAt, lang) },
            { key: 'si', label: t('doc.signed'), children: chosen.signedAt ? `${chosen.signedBy ?? ''} ${formatDateTime(chosen.signedAt, lang)}` : '—' },
            { key: 'rc', label: t('sent.remindCount'), children: chosen.remindCount },
            ...(chosen.signOpinion ? [{ key: 'o', label: t('doc.opinion'), children: chosen.signOpinion }] : []),
            ...(chosen.refusedReason ? [{ key: 'r', label: t('doc.reason'), children: chosen.refusedReason }] : []),
          ]} />
          <Space>
            {canApply('recall', chosen.status) ? <Button danger icon={<UndoOutlined />} data-testid="recall" onClick={recall}>{t('sent.recall')}</Button> : null}
            {canApply('remind', chosen.status) ? <Button icon={<BellOutlined />} onClick={() => remind([chosen.id])}>{t('sent.remindSelected')}</Button> : null}
          </Space>
        </div>
      ) : null}
      <Modal open={remindOpen} title={t('sent.remind')} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'remind-confirm' }}
        onCancel={() => setRemindOpen(false)} onOk={() => remind(unsigned.map((d) => d.id))}>
        <Input.TextArea rows={3} maxLength={200} showCount value={remindText} placeholder={t('sent.remindMessage')} onChange={(e) => setRemindText(e.target.value)} />
      </Modal>
      <Modal open={reissue !== null} width={760} title={t('sent.reissueTitle')} okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reissue || reissue.length === 0, 'data-testid': 'reissue-confirm' }}
        onCancel={() => setReissue(null)}
        onOk={() => reissue && act(async () => {
          await getApi().documents.addRecipients({ documentId: detail.document.id, mainTo: reissue, copyTo: [] });
          setReissue(null);
        }, t('compose.sent'))}>
        {directory ? <UnitPicker directory={directory} value={reissue ?? []} onChange={setReissue} exclude={existing} /> : null}
      </Modal>
    </div>
  );
}
