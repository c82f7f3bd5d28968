/**
 * Text from the endpoint (a channel's or a source's name) drawn by ECharts, shown exactly as
 * typed. ECharts parses rich text: `{style|text}` draws `text` in the style named `style`, and
 * it has no escape syntax (a backslash does not help), so a name such as `{a|x}` or one holding
 * an ECharts tooltip style name could change how it, or the text around it, is drawn.
 *
 * Rich text is parsed in a tooltip with `renderMode: 'richText'` always, and in a label, axis
 * label or legend whenever it has a `rich` option. So every text with data in it goes through
 * {@link escapeRichText}, and every label that draws one spreads {@link RICH_TEXT} into its
 * options: then the escape is read the same way everywhere, and never shows.
 */

/** The style of the one-character spans `escapeRichText` writes: none, so the label's own applies. */
const LITERAL = 'l';

/**
 * `text` as ECharts rich text that draws exactly `text`: each `{` becomes a span of its own,
 * `{l|{}`, which draws a `{` in the label's style, so no `{` of `text` can open a span.
 */
export function escapeRichText(text: string): string {
  return text.replaceAll('{', `{${LITERAL}|{}`);
}

/** Spread into a label's options (`axisLabel`, `label`, a legend's `textStyle`) that draws escaped text. */
export const RICH_TEXT = { rich: {} } as const;
