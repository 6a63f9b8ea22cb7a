/** Every recipient at a glance, one tile per unit coloured by status (待签收/已签收/已登记/已退回/已撤回). */
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalDelivery } from '../../../shared/ipc/contract.ts';
import { DELIVERY_STATUSES } from '../../../shared/schemas/documents.ts';
import type { Unit } from '../../../shared/schemas/directory.ts';

export interface StatusGridProps {
  deliveries: LocalDelivery[];
  byCode: Map<string, Unit>;
  selected: string | null;
  onSelect: (deliveryId: string) => void;
}

export function StatusLegend({ deliveries }: { deliveries: LocalDelivery[] }) {
  const { t } = useTranslation();
  return (
    <div className="xt-legend">
      {DELIVERY_STATUSES.map((s) => (
        <span key={s} data-testid={`legend-${s}`} data-count={deliveries.filter((d) => d.status === s).length}>
          <i className={`xt-tile st-${s}`} style={{ padding: 0 }} />{t(`delivery.${s}`)} {deliveries.filter((d) => d.status === s).length}
        </span>
      ))}
    </div>
  );
}

export function StatusGrid({ deliveries, byCode, selected, onSelect }: StatusGridProps) {
  const { t } = useTranslation();
  const sorted = [...deliveries].sort((a, b) =>
    (byCode.get(a.recipientUnit)?.sortOrder ?? 9999) - (byCode.get(b.recipientUnit)?.sortOrder ?? 9999));
  return (
    <div className="xt-status-grid" data-testid="status-grid">
      {sorted.map((d) => {
        const unit = byCode.get(d.recipientUnit);
        const cls = ['xt-tile', `st-${d.status}`];
        if (d.pending) cls.push('is-pending');
        if (selected === d.id) cls.push('is-active');
        return (
          <Tooltip key={d.id} title={unit?.name ?? d.recipientUnit}>
            <div
              className={cls.join(' ')}
              role="button"
              tabIndex={0}
              data-testid="status-tile"
              data-unit={d.recipientUnit}
              data-status={d.status}
              onClick={() => onSelect(d.id)}
              onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') onSelect(d.id); }}
            >
              {unit?.shortName ?? d.recipientUnit}
              <small>{t(`delivery.${d.status}`)}{d.role === 'copy' ? ` · ${t('delivery.copy')}` : ''}{d.remindCount > 0 ? ` · ${t('inbox.reminded', { count: d.remindCount })}` : ''}</small>
            </div>
          </Tooltip>
        );
      })}
    </div>
  );
}
