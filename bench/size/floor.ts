/**
 * The floors' shared part: one Lit element, so Lit's runtime (lit-html, ReactiveElement,
 * LitElement, `css`) is in every floor as it is in every element. Each floor defines it (package.json
 * declares modules outside the elements' entries free of side effects, so a bare import would be
 * dropped).
 */
import { LitElement, css, html } from 'lit';

export class FloorElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  protected override render() {
    return html`<div part="chart"></div>`;
  }
}
