/** A PDF viewer on pdf.js (loaded on first use, its own chunk): fits the panel width, renders pages as they scroll into view. */
import { Alert, Spin } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PageBox { width: number; height: number }

function PdfPage({ doc, pageNumber, box, scale }: { doc: PDFDocumentProxy; pageNumber: number; box: PageBox; scale: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(pageNumber <= 2);
  useEffect(() => {
    const el = canvasRef.current;
    if (!el || visible) return;
    const io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) setVisible(true); }, { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, [visible]);
  useEffect(() => {
    if (!visible) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    void doc.getPage(pageNumber).then((page) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = page.render({ canvas, viewport });
      task.promise.then(() => canvas.setAttribute('data-rendered', 'yes'), () => undefined);
    });
    return () => { cancelled = true; task?.cancel(); };
  }, [doc, pageNumber, scale, visible]);
  return (
    <canvas
      ref={canvasRef}
      className="xt-pdf-page"
      data-testid="pdf-page"
      data-page={pageNumber}
      style={{ width: Math.floor(box.width * scale), height: Math.floor(box.height * scale) }}
    />
  );
}

export function PdfViewer({ data, name }: { data: Uint8Array; name: string }) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [box, setBox] = useState<PageBox | null>(null);
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(800);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    setDoc(null);
    setFailed(false);
    import('./pdfjs.ts').then(({ openPdf }) => openPdf(data)).then(async (d) => {
      opened = d;
      const first = await d.getPage(1);
      const vp = first.getViewport({ scale: 1 });
      if (cancelled) return;
      setBox({ width: vp.width, height: vp.height });
      setDoc(d);
    }, () => { if (!cancelled) setFailed(true); });
    return () => { cancelled = true; void opened?.destroy(); };
  }, [data]);

  useEffect(() => {
    const el = hostRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth - 32));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const scale = box ? Math.min(1.6, Math.max(0.4, width / box.width)) : 1;
  return (
    <div ref={hostRef} className="xt-pdf" data-testid="pdf-viewer" aria-label={name} data-pages={doc?.numPages ?? 0}>
      {failed ? <Alert type="error" showIcon title={t('doc.notPdf')} /> : null}
      {!doc && !failed ? <div className="xt-center" style={{ color: '#fff' }}><Spin description={t('doc.loadingFile')} /></div> : null}
      {doc && box ? Array.from({ length: doc.numPages }, (_, i) => <PdfPage key={i} doc={doc} pageNumber={i + 1} box={box} scale={scale} />) : null}
    </div>
  );
}
