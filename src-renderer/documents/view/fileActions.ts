/** Download and print of attachment bytes, through blob URLs (no navigation away from the app). */
const MIME: Record<string, string> = {
  pdf: 'application/pdf', ofd: 'application/ofd', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', tiff: 'image/tiff',
};

function blobUrl(data: Uint8Array, kind: string): string {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return URL.createObjectURL(new Blob([copy.buffer], { type: MIME[kind] ?? 'application/octet-stream' }));
}

export function downloadBytes(data: Uint8Array, kind: string, name: string): void {
  const url = blobUrl(data, kind);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function printPdf(data: Uint8Array): void {
  const url = blobUrl(data, 'pdf');
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.print();
    setTimeout(() => { frame.remove(); URL.revokeObjectURL(url); }, 60_000);
  };
  document.body.appendChild(frame);
}
