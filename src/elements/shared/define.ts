/**
 * Registers a tag once. A second copy of the package on one page warns instead of throwing, so a
 * host that bundles us twice keeps working with whichever copy defined the tag first.
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, constructor);
  } else if (existing !== constructor) {
    console.warn(`msg-report: <${tagName}> is already defined by another copy of the library; keeping that one.`);
  }
}
