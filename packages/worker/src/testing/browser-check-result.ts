// What the pool check page (browser-check/) publishes on window when it has run.
export type BrowserCheckOutcome =
  | { readonly results: Record<string, string>; readonly seconds: Record<string, number> }
  | { readonly error: string };

declare global {
  interface Window {
    sarcsimCheck?: BrowserCheckOutcome;
  }
}
