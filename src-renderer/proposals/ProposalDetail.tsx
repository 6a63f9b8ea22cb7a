/** One item: its details, the actions the caller may take now, and its full timeline. */
import { Alert, Button, Card, Descriptions, Space, Tag, Timeline } from 'antd';
import { CN_CALENDAR } from '../../shared/domain/workdays.ts';
import { useTranslation } from 'react-i18next';
import type { ProposalEvent } from '../../shared/schemas/proposals.ts';
import { getApi } from '../api/index.ts';
import { useLoad } from '../app/useLoad.ts';
import { notifyError } from '../app/notifyError.ts';
import { unitName, useDirectory } from '../stores/directory.ts';
import { useSync } from '../stores/sync.ts';
import { downloadFile } from '../meetings/download.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { goProposals } from './ProposalsRoot.tsx';

function eventText(e: ProposalEvent, t: (k: string, o?: Record<string, unknown>) => string, unit: (c: string) => string): { label: string; text: string } {
  const d = e.detail;
  switch (d.type) {
    case 'assigned': return { label: t(`proposals.event.${d.reassigned ? 'reassigned' : 'assigned'}`), text: `${unit(d.leadUnit)}${d.coUnits.length ? `（${d.coUnits.map(unit).join('、')}）` : ''} · ${d.deadline}` };
    case 'returned': return { label: t('proposals.event.returned'), text: `${d.reason} → ${unit(d.suggestedUnit)}` };
    case 'note': return { label: t(`proposals.note.${d.kind}`), text: `${d.contactedOn ? `${d.contactedOn} ` : ''}${d.text}` };
    case 'countersigned': return { label: t('proposals.event.countersigned'), text: d.opinion };
    case 'replied': return { label: t('proposals.event.replied'), text: `${t(`proposals.outcome.${d.outcome}`)} · ${d.text}` };
    case 'reviewed': return { label: t(`proposals.event.${d.approved ? 'reviewed' : 'sentBack'}`), text: d.comment ?? '' };
    case 'feedback': return { label: t('proposals.event.feedback'), text: `${t(`proposals.satisfaction.${d.satisfaction}`)}${d.comment ? ` · ${d.comment}` : ''}${d.reopenDeadline ? ` → ${d.reopenDeadline}` : ''}` };
    default: return { label: t(`proposals.event.${d.type}`), text: '' };
  }
}

export function ProposalDetail({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { byCode } = useDirectory();
  const tick = useSync((s) => s.changeTick);
  const detail = useLoad(() => getApi().proposals.get({ proposalId }), [proposalId, tick]);
  const d = detail.data;
  if (!d) return <Card loading={detail.loading} />;
  const { item } = d;
  const unit = (c: string) => unitName(byCode, c);
  // the letter the reply carries (attached blob); older replies without one are rendered on request
  const attached = item.replyLetter;
  const letter = () => (attached
    ? getApi().files.read({ sha256: attached.sha256 }).then((r) => downloadFile(attached.name, r.data, 'application/pdf'), notifyError)
    : getApi().proposals.replyLetterPdf({ proposalId }).then((f) => downloadFile(f.fileName, f.data, 'application/pdf'), notifyError));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="proposal-detail">
      <Card title={<span data-testid="proposal-title">{item.title}</span>} extra={<Button onClick={() => goProposals(null)}>{t('proposals.list')}</Button>}>
        <Descriptions size="small" column={3} items={[
          { key: 'n', label: t('proposals.col.number'), children: `${t(`proposals.kind.${item.kind}`)} ${item.number}` },
          { key: 's', label: t('proposals.detail.session'), children: item.session },
          { key: 'st', label: t('proposals.col.status'), children: <Space size={2}><Tag color="blue" data-testid="proposal-status">{t(`proposals.status.${item.status}`)}</Tag>{item.round > 1 ? <Tag color="orange">{t('proposals.detail.round', { n: item.round })}</Tag> : null}{d.pending ? <Tag>{t('proposals.detail.pending')}</Tag> : null}</Space> },
          { key: 'a', label: t('proposals.col.author'), children: item.leadAuthor },
          { key: 'c', label: t('proposals.detail.coAuthors'), children: item.coAuthors.join('、') },
          { key: 'g', label: t('proposals.detail.group'), children: item.group ?? '' },
          { key: 'cat', label: t('proposals.col.category'), children: item.category },
          { key: 'r', label: t('proposals.detail.received'), children: item.receivedOn },
          { key: 'ct', label: t('proposals.detail.contact'), children: item.contact ?? '' },
          { key: 'l', label: t('proposals.col.lead'), children: item.leadUnit ? unit(item.leadUnit) : '' },
          { key: 'co', label: t('proposals.detail.co'), children: item.coUnits.map(unit).join('、') },
          { key: 'dl', label: t('proposals.col.deadline'), children: item.deadline ?? '' },
          { key: 'o', label: t('proposals.col.outcome'), children: item.outcome ? t(`proposals.outcome.${item.outcome}`) : '' },
          { key: 'sf', label: t('proposals.col.satisfaction'), children: item.satisfaction ? t(`proposals.satisfaction.${item.satisfaction}`) : '' },
          { key: 'rb', label: t('proposals.detail.returnBy'), children: item.status === 'assigned' ? item.returnBy ?? '' : '' },
        ]} />
        {item.deadline && !CN_CALENDAR.isCovered(item.deadline)
          ? <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('proposals.detail.uncovered', { y: item.deadline.slice(0, 4) })} /> : null}
        <p style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{item.content}</p>
        {item.replyText ? <Card size="small" type="inner" title={t('proposals.detail.reply')} extra={<Button size="small" data-testid="proposal-letter" onClick={letter}>{attached ? attached.name : t('proposals.detail.letter')}</Button>}>
          <p style={{ whiteSpace: 'pre-wrap' }}>{item.replyText}</p></Card> : null}
      </Card>
      <ActionPanel item={item} actions={d.actions} onDone={detail.reload} />
      <Card title={t('proposals.detail.timeline')} data-testid="proposal-timeline">
        <Timeline items={d.events.map((e) => {
          const { label, text } = eventText(e, t, unit);
          return { key: e.id, children: <div data-testid="timeline-event"><b>{label}</b> · {unit(e.actorUnit)} {e.actorName} · <span className="xt-dim">{new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</span>{text ? <div>{text}</div> : null}</div> };
        })} />
      </Card>
    </Space>
  );
}
