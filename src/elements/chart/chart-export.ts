/**
 * Exports the charts an element drew as one PNG: its title and what it shows (days, zone,
 * filters) above the charts, side by side.
 */
import type { ChartTheme } from './chart-theme.js';

const PADDING = 16;
const TITLE_SIZE = 18;
const CAPTION_SIZE = 13;
const LINE_GAP = 6;

/** `text` broken at spaces into lines no wider than `width` as `context` draws it (a word longer than that keeps its line). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Draws the canvases of `boxes` (each an ECharts box) onto one canvas with `title` on top and the
 * `caption` lines under it (wrapped to the image's width), on the theme's surface colour, and
 * encodes it as PNG. Canvases are copied directly, so no `data:` image has to load (strict CSP
 * keeps working).
 */
export async function chartsToPng(
  boxes: readonly HTMLElement[],
  title: string,
  caption: readonly string[],
  theme: ChartTheme,
): Promise<Blob> {
  const sources = boxes
    .map((box) => box.querySelector('canvas'))
    .filter((canvas): canvas is HTMLCanvasElement => canvas !== null && canvas.width > 0);
  const ratio = sources[0] ? sources[0].width / Math.max(1, sources[0].clientWidth) : 1;
  const pad = PADDING * ratio;
  const width = Math.max(1, Math.round(sources.reduce((sum, canvas) => sum + canvas.width, 0) + pad * (sources.length + 1)));
  const font = (size: number, weight: number) => `${weight} ${size * ratio}px ${theme.fontFamily || 'sans-serif'}`;

  // The caption's lines are known once wrapped, with the font they are drawn in.
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('msg-report: the browser gave no 2D canvas to draw the PNG on');
  measure.font = font(CAPTION_SIZE, 400);
  const captionLines = caption.flatMap((line) => wrap(measure, line, width - 2 * pad));
  const captionLine = (CAPTION_SIZE + LINE_GAP) * ratio;
  const headerHeight = (TITLE_SIZE + LINE_GAP) * ratio + captionLines.length * captionLine + pad;
  const height = Math.max(0, ...sources.map((canvas) => canvas.height)) + headerHeight + pad * 2;

  const output = document.createElement('canvas');
  output.width = width;
  output.height = Math.max(1, Math.round(height));
  const context = output.getContext('2d');
  if (!context) throw new Error('msg-report: the browser gave no 2D canvas to draw the PNG on');
  context.fillStyle = theme.surfaceColor || '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  context.textBaseline = 'top';
  context.fillStyle = theme.textColor || '#000000';
  context.font = font(TITLE_SIZE, 600);
  context.fillText(title, pad, pad, output.width - 2 * pad);
  context.fillStyle = theme.mutedColor || theme.textColor || '#000000';
  context.font = font(CAPTION_SIZE, 400);
  captionLines.forEach((line, i) =>
    context.fillText(line, pad, pad + (TITLE_SIZE + LINE_GAP) * ratio + i * captionLine, output.width - 2 * pad),
  );
  let x = pad;
  for (const canvas of sources) {
    context.drawImage(canvas, x, headerHeight + pad);
    x += canvas.width + pad;
  }
  return new Promise((resolve, reject) =>
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('msg-report: the PNG could not be encoded'))), 'image/png'),
  );
}
