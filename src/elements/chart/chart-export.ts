/** Exports the charts an element drew as one PNG: its title above the charts, side by side. */
import type { ChartTheme } from './chart-theme.js';

const PADDING = 16;
const TITLE_SIZE = 18;

/**
 * Draws the canvases of `boxes` (each an ECharts box) onto one canvas with `title` on top, on the
 * theme's surface colour, and encodes it as PNG. Canvases are copied directly, so no `data:` image
 * has to load (strict CSP keeps working).
 */
export async function chartsToPng(boxes: readonly HTMLElement[], title: string, theme: ChartTheme): Promise<Blob> {
  const sources = boxes
    .map((box) => box.querySelector('canvas'))
    .filter((canvas): canvas is HTMLCanvasElement => canvas !== null && canvas.width > 0);
  const ratio = sources[0] ? sources[0].width / Math.max(1, sources[0].clientWidth) : 1;
  const titleHeight = (TITLE_SIZE + PADDING) * ratio;
  const width = sources.reduce((sum, canvas) => sum + canvas.width, 0) + PADDING * ratio * (sources.length + 1);
  const height = Math.max(0, ...sources.map((canvas) => canvas.height)) + titleHeight + PADDING * ratio * 2;
  const output = document.createElement('canvas');
  output.width = Math.max(1, Math.round(width));
  output.height = Math.max(1, Math.round(height));
  const context = output.getContext('2d');
  if (!context) throw new Error('msg-report: the browser gave no 2D canvas to draw the PNG on');
  context.fillStyle = theme.surfaceColor || '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  context.fillStyle = theme.textColor || '#000000';
  context.font = `600 ${TITLE_SIZE * ratio}px ${theme.fontFamily || 'sans-serif'}`;
  context.textBaseline = 'top';
  context.fillText(title, PADDING * ratio, PADDING * ratio, output.width - 2 * PADDING * ratio);
  let x = PADDING * ratio;
  for (const canvas of sources) {
    context.drawImage(canvas, x, titleHeight + PADDING * ratio);
    x += canvas.width + PADDING * ratio;
  }
  return new Promise((resolve, reject) =>
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('msg-report: the PNG could not be encoded'))), 'image/png'),
  );
}
