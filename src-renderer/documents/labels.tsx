/** Tags for urgency and delivery status, shared by the inbox, the document view and the sent list. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, Urgency } from '../../shared/schemas/documents.ts';

const URGENCY_COLOR: Record<Urgency, string | undefined> = { 'extra-urgent': 'red', urgent: 'orange', normal: undefined };
const STATUS_COLOR: Record<DeliveryStatus, string> = {
  delivered: 'gold', signed: 'green', registered: 'cyan', refused: 'red', recalled: 'default',
};

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return <span className="xt-dim">{t('urgency.normal')}</span>;
  return <Tag color={URGENCY_COLOR[urgency]} variant="solid" data-urgency={urgency}>{t(`urgency.${urgency}`)}</Tag>;
}

export function StatusTag({ status, pending }: { status: DeliveryStatus; pending?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`delivery.${status}`)}{pending ? ' ·' : ''}
    </Tag>
  );
}
