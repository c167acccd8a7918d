import type { PdfRender } from './pdf-worker.pool';

/**
 * renderPdf on this thread, its module (pdfkit, fontkit and the embedded fonts,
 * about a megabyte of source) loaded on the first PDF: the API renders on its PDF
 * workers, so a process that never draws a PDF here never loads them.
 */
export const renderHere: PdfRender = async (frame, blocks, generatedAt) => (await import('./pdf-document')).renderPdf(frame, blocks, generatedAt);
