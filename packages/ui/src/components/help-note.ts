// A short, collapsible explanation at the top of a view.
import { css, html, LitElement } from 'lit';

export class HelpNote extends LitElement {
  static override styles = css`
    details {
      background: #eef4fb;
      border-left: 4px solid #0b5394;
      padding: 0.4rem 0.8rem;
      margin: 0.5rem 0 1rem;
      font-size: 0.9rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  `;
  static override properties = { heading: {} };
  declare heading: string;

  constructor() {
    super();
    this.heading = 'How to read this';
  }

  override render() {
    return html`<details><summary>${this.heading}</summary><slot></slot></details>`;
  }
}
customElements.define('help-note', HelpNote);

declare global {
  interface HTMLElementTagNameMap {
    'help-note': HelpNote;
  }
}
