/** The meetings area: #/meetings (list and calendar), #/meetings/new (notice form), #/meetings/<id> (dashboard or reply). */
import { useEffect, useState } from 'react';
import { ensureMeetingStrings } from './i18n.ts';
import { MeetingList } from './MeetingList.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { MeetingDetailPage } from './MeetingDetailPage.tsx';

function subRoute(): string | null {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  return parts[0] === 'meetings' ? parts[1] ?? null : null;
}

export function MeetingsRoot() {
  ensureMeetingStrings();
  const [sub, setSub] = useState(subRoute());
  useEffect(() => {
    const on = () => setSub(subRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (sub === 'new') return <MeetingForm />;
  if (sub) return <MeetingDetailPage key={sub} meetingId={sub} />;
  return <MeetingList />;
}

export function goMeetings(sub: string | null = null): void {
  location.hash = sub ? `#/meetings/${sub}` : '#/meetings';
}
