/** Subsystems that come later (会议, 建议提案, 信息, 值班): a clear empty state instead of a dead link. */
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoute, type PlaceholderKey } from '../stores/route.ts';

export function PlaceholderPage({ which }: { which: PlaceholderKey }) {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  return (
    <div className="xt-panel" style={{ padding: 64 }}>
      <Empty description={<><div className="xt-page-title" style={{ margin: 0 }}>{t(`nav.${which}`)}</div><div className="xt-dim">{t('placeholder.body')}</div></>}>
        <Button type="primary" onClick={() => go({ name: 'inbox' })}>{t('placeholder.back')}</Button>
      </Empty>
    </div>
  );
}
