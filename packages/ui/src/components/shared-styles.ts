// Styles every component shares: form controls, buttons, tables and problems, at WCAG AA contrast.
import { css } from 'lit';

export const sharedStyles = css`
  /* Results computed for an earlier scenario (every analysis view marks them the same way). */
  .stale {
    border-left: 4px solid #b00020;
    background: #fdecee;
    padding: 0.4rem 0.8rem;
  }
  :host {
    display: block;
    color: #1a1a1a;
  }
  h2 {
    font-size: 1.15rem;
    margin: 1.2rem 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.4rem;
  }
  label {
    max-width: 100%;
    display: inline-flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.9rem;
    margin: 0 1rem 0.6rem 0;
  }
  input,
  select {
    max-width: 100%;
    box-sizing: border-box;
    font: inherit;
    padding: 0.25rem 0.4rem;
    border: 1px solid #6b6b6b;
    border-radius: 4px;
    background: #fff;
    color: #1a1a1a;
  }
  input[aria-invalid='true'] {
    border-color: #b00020;
    outline: 1px solid #b00020;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #0b5394;
    background: #0b5394;
    color: #fff;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: #0b5394;
  }
  button:disabled {
    background: #d0d0d0;
    border-color: #9a9a9a;
    color: #3d3d3d;
    cursor: not-allowed;
  }
  /* Dark orange: 4.8:1 against the white page (WCAG 2.2 asks 3:1 of a focus indicator). */
  :focus-visible {
    outline: 3px solid #b35900;
    outline-offset: 2px;
  }
  /* Number fields grow with their value, so no number is cut off. */
  input[type='number'] {
    field-sizing: content;
    min-width: 6.5rem;
  }
  table {
    border-collapse: collapse;
    font-size: 0.88rem;
  }
  th,
  td {
    border-bottom: 1px solid #d6d6d6;
    padding: 0.3rem 0.5rem;
    text-align: right;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  .problems {
    color: #b00020;
    font-size: 0.85rem;
    margin: 0.2rem 0 0.6rem;
    padding-left: 1.1rem;
  }
  .note {
    color: #4a4a4a;
    font-size: 0.85rem;
  }
  /** Charts side by side where they fit, one per row on a narrow window. */
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr));
    gap: 0 2rem;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
`;
