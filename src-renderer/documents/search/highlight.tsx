/** Turns a snippet with [[ ]] match markers into text with <mark> (no HTML injection: markers only). */
import type { ReactNode } from 'react';

export function splitSnippet(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  const re = /\[\[(.*?)\]\]/gs;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false });
    parts.push({ text: m[1], hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts;
}

export function Highlighted({ snippet }: { snippet: string }): ReactNode {
  return splitSnippet(snippet).map((p, i) => (p.hit ? <mark key={i} className="xt-hit">{p.text}</mark> : <span key={i}>{p.text}</span>));
}
